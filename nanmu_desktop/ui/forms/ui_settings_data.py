# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_data.ui'
##
## Created by: Qt User Interface Compiler version 6.9.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_DataForm(object):
    def setupUi(self, DataForm):
        if not DataForm.objectName():
            DataForm.setObjectName(u"DataForm")
        DataForm.resize(640, 300)
        self.dataLayout = QVBoxLayout(DataForm)
        self.dataLayout.setObjectName(u"dataLayout")
        self.dataFormLayout = QFormLayout()
        self.dataFormLayout.setObjectName(u"dataFormLayout")
        self.dataFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.databaseCaption = QLabel(DataForm)
        self.databaseCaption.setObjectName(u"databaseCaption")

        self.dataFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.databaseCaption)

        self.databaseLayout = QHBoxLayout()
        self.databaseLayout.setObjectName(u"databaseLayout")
        self.databaseEdit = QLineEdit(DataForm)
        self.databaseEdit.setObjectName(u"databaseEdit")
        self.databaseEdit.setReadOnly(True)

        self.databaseLayout.addWidget(self.databaseEdit)

        self.openDataFolderButton = QPushButton(DataForm)
        self.openDataFolderButton.setObjectName(u"openDataFolderButton")

        self.databaseLayout.addWidget(self.openDataFolderButton)


        self.dataFormLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.databaseLayout)

        self.backupCaption = QLabel(DataForm)
        self.backupCaption.setObjectName(u"backupCaption")

        self.dataFormLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.backupCaption)

        self.backupFolderLayout = QHBoxLayout()
        self.backupFolderLayout.setObjectName(u"backupFolderLayout")
        self.backupFolderEdit = QLineEdit(DataForm)
        self.backupFolderEdit.setObjectName(u"backupFolderEdit")

        self.backupFolderLayout.addWidget(self.backupFolderEdit)

        self.browseBackupButton = QPushButton(DataForm)
        self.browseBackupButton.setObjectName(u"browseBackupButton")

        self.backupFolderLayout.addWidget(self.browseBackupButton)


        self.dataFormLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.backupFolderLayout)


        self.dataLayout.addLayout(self.dataFormLayout)

        self.backupRow = QHBoxLayout()
        self.backupRow.setObjectName(u"backupRow")
        self.backupButton = QPushButton(DataForm)
        self.backupButton.setObjectName(u"backupButton")

        self.backupRow.addWidget(self.backupButton)

        self.backupStatus = QLabel(DataForm)
        self.backupStatus.setObjectName(u"backupStatus")
        self.backupStatus.setWordWrap(True)

        self.backupRow.addWidget(self.backupStatus)


        self.dataLayout.addLayout(self.backupRow)

        self.backupHint = QLabel(DataForm)
        self.backupHint.setObjectName(u"backupHint")
        self.backupHint.setWordWrap(True)
        self.backupHint.setStyleSheet(u"color: palette(mid);")

        self.dataLayout.addWidget(self.backupHint)

        self.dataSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dataLayout.addItem(self.dataSpacer)

#if QT_CONFIG(shortcut)
        self.databaseCaption.setBuddy(self.databaseEdit)
        self.backupCaption.setBuddy(self.backupFolderEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DataForm)

        QMetaObject.connectSlotsByName(DataForm)
    # setupUi

    def retranslateUi(self, DataForm):
        self.databaseCaption.setText(QCoreApplication.translate("DataForm", u"\u6570\u636e\u5e93\u6587\u4ef6\uff1a", None))
        self.openDataFolderButton.setText(QCoreApplication.translate("DataForm", u"\u6253\u5f00\u6240\u5728\u6587\u4ef6\u5939(&O)", None))
        self.backupCaption.setText(QCoreApplication.translate("DataForm", u"\u5907\u4efd\u6587\u4ef6\u5939(&B)\uff1a", None))
        self.backupFolderEdit.setPlaceholderText(QCoreApplication.translate("DataForm", u"\u4f8b\u5982 U \u76d8\u4e0a\u7684\u6587\u4ef6\u5939", None))
        self.browseBackupButton.setText(QCoreApplication.translate("DataForm", u"\u9009\u62e9(&X)\u2026", None))
        self.backupButton.setText(QCoreApplication.translate("DataForm", u"\u7acb\u5373\u5907\u4efd(&K)", None))
        self.backupHint.setText(QCoreApplication.translate("DataForm", u"\u5907\u4efd\u5728\u7a0b\u5e8f\u8fd0\u884c\u65f6\u4e5f\u80fd\u5b89\u5168\u8fdb\u884c\uff1a\u91c7\u7528 SQLite \u5728\u7ebf\u5907\u4efd\uff0c\u5f97\u5230\u7684\u662f\u4e00\u4efd\u5b8c\u6574\u3001\u53ef\u76f4\u63a5\u6253\u5f00\u7684\u6570\u636e\u5e93\u6587\u4ef6\u3002", None))
        pass
    # retranslateUi

