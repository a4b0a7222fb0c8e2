# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_names.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_NamesForm(object):
    def setupUi(self, NamesForm):
        if not NamesForm.objectName():
            NamesForm.setObjectName(u"NamesForm")
        NamesForm.resize(640, 420)
        self.namesLayout = QVBoxLayout(NamesForm)
        self.namesLayout.setObjectName(u"namesLayout")
        self.namesFormLayout = QFormLayout()
        self.namesFormLayout.setObjectName(u"namesFormLayout")
        self.namesFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameZhCaption = QLabel(NamesForm)
        self.nameZhCaption.setObjectName(u"nameZhCaption")

        self.namesFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameZhCaption)

        self.nameZhEdit = QLineEdit(NamesForm)
        self.nameZhEdit.setObjectName(u"nameZhEdit")
        self.nameZhEdit.setMaxLength(100)
        self.nameZhEdit.setClearButtonEnabled(True)

        self.namesFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameZhEdit)

        self.nameZhError = QLabel(NamesForm)
        self.nameZhError.setObjectName(u"nameZhError")
        self.nameZhError.setStyleSheet(u"color: #c0392b;")
        self.nameZhError.setWordWrap(True)

        self.namesFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameZhError)

        self.typeCaption = QLabel(NamesForm)
        self.typeCaption.setObjectName(u"typeCaption")

        self.namesFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.typeCaption)

        self.typeLayout = QHBoxLayout()
        self.typeLayout.setObjectName(u"typeLayout")
        self.typeCombo = QComboBox(NamesForm)
        self.typeCombo.setObjectName(u"typeCombo")

        self.typeLayout.addWidget(self.typeCombo)

        self.typeWording = QLabel(NamesForm)
        self.typeWording.setObjectName(u"typeWording")
        self.typeWording.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.typeWording.sizePolicy().hasHeightForWidth())
        self.typeWording.setSizePolicy(sizePolicy)

        self.typeLayout.addWidget(self.typeWording)


        self.namesFormLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.typeLayout)

        self.nameMnCaption = QLabel(NamesForm)
        self.nameMnCaption.setObjectName(u"nameMnCaption")

        self.namesFormLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.nameMnCaption)

        self.nameMnLayout = QHBoxLayout()
        self.nameMnLayout.setObjectName(u"nameMnLayout")
        self.nameMnEdit = QLineEdit(NamesForm)
        self.nameMnEdit.setObjectName(u"nameMnEdit")
        self.nameMnEdit.setMaxLength(200)

        self.nameMnLayout.addWidget(self.nameMnEdit)

        self.nameMnPasteButton = QPushButton(NamesForm)
        self.nameMnPasteButton.setObjectName(u"nameMnPasteButton")

        self.nameMnLayout.addWidget(self.nameMnPasteButton)


        self.namesFormLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.nameMnLayout)

        self.nameMnHint = QLabel(NamesForm)
        self.nameMnHint.setObjectName(u"nameMnHint")
        self.nameMnHint.setWordWrap(True)
        self.nameMnHint.setStyleSheet(u"color: palette(mid);")

        self.namesFormLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.nameMnHint)


        self.namesLayout.addLayout(self.namesFormLayout)

        self.previewBox = QGroupBox(NamesForm)
        self.previewBox.setObjectName(u"previewBox")
        self.previewLayout = QVBoxLayout(self.previewBox)
        self.previewLayout.setObjectName(u"previewLayout")
        self.headerPreview = QLabel(self.previewBox)
        self.headerPreview.setObjectName(u"headerPreview")
        self.headerPreview.setMinimumSize(QSize(320, 150))
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.headerPreview.sizePolicy().hasHeightForWidth())
        self.headerPreview.setSizePolicy(sizePolicy1)
        self.headerPreview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headerPreview.setStyleSheet(u"background: white; border: 1px solid #d0d0d0;")

        self.previewLayout.addWidget(self.headerPreview)


        self.namesLayout.addWidget(self.previewBox)

#if QT_CONFIG(shortcut)
        self.nameZhCaption.setBuddy(self.nameZhEdit)
        self.typeCaption.setBuddy(self.typeCombo)
        self.nameMnCaption.setBuddy(self.nameMnEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameZhEdit, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.nameMnEdit)
        QWidget.setTabOrder(self.nameMnEdit, self.nameMnPasteButton)

        self.retranslateUi(NamesForm)

        QMetaObject.connectSlotsByName(NamesForm)
    # setupUi

    def retranslateUi(self, NamesForm):
        self.nameZhCaption.setText(QCoreApplication.translate("NamesForm", u"\u5355\u4f4d\u4e2d\u6587\u540d\u79f0(&Z)\uff1a", None))
        self.nameZhEdit.setPlaceholderText(QCoreApplication.translate("NamesForm", u"\u4f8b\u5982\uff1a\u00d7\u00d7\u5e02\u00d7\u00d7\u4e61\u4eba\u6c11\u653f\u5e9c", None))
        self.typeCaption.setText(QCoreApplication.translate("NamesForm", u"\u5355\u4f4d\u7c7b\u578b(&T)\uff1a", None))
        self.nameMnCaption.setText(QCoreApplication.translate("NamesForm", u"\u8499\u53e4\u6587\u540d\u79f0(&M)\uff1a", None))
        self.nameMnEdit.setPlaceholderText(QCoreApplication.translate("NamesForm", u"\u4f20\u7edf\u8499\u53e4\u6587\uff0c\u5370\u5728\u7248\u5934\u4e2d\u6587\u540d\u79f0\u4e0a\u65b9", None))
        self.nameMnPasteButton.setText(QCoreApplication.translate("NamesForm", u"\u7c98\u8d34(&P)", None))
#if QT_CONFIG(tooltip)
        self.nameMnPasteButton.setToolTip(QCoreApplication.translate("NamesForm", u"\u7c98\u8d34\u4ece\u6279\u51c6\u6587\u4ef6\u4e2d\u590d\u5236\u7684\u8499\u53e4\u6587\u540d\u79f0", None))
#endif // QT_CONFIG(tooltip)
        self.nameMnHint.setText(QCoreApplication.translate("NamesForm", u"\u5185\u8499\u53e4\u81ea\u6cbb\u533a\u7684\u516c\u6587\u7248\u5934\u987b\u540c\u65f6\u4f7f\u7528\u8499\u6c49\u4e24\u79cd\u6587\u5b57\uff0c\u8499\u53e4\u6587\u5728\u4e0a\u3002\u8499\u53e4\u6587\u540d\u79f0\u987b\u4f7f\u7528\u7ecf\u6279\u51c6\u7684\u89c4\u8303\u8bd1\u540d\uff0c\u4e0d\u5f97\u81ea\u884c\u7ffb\u8bd1\uff1b\u53ef\u76f4\u63a5\u8f93\u5165\uff0c\u6216\u4ece\u6279\u51c6\u6587\u4ef6\u4e2d\u590d\u5236\u540e\u7c98\u8d34\u3002\u4e0d\u586b\u5219\u7248\u5934\u53ea\u5370\u4e2d\u6587\u540d\u79f0\u3002", None))
        self.previewBox.setTitle(QCoreApplication.translate("NamesForm", u"\u7248\u5934\u9884\u89c8", None))
        self.headerPreview.setText(QCoreApplication.translate("NamesForm", u"\u6b63\u5728\u751f\u6210\u9884\u89c8\u2026", None))
        pass
    # retranslateUi

