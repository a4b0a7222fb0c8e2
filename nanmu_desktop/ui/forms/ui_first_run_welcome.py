# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_welcome.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_WelcomeForm(object):
    def setupUi(self, WelcomeForm):
        if not WelcomeForm.objectName():
            WelcomeForm.setObjectName(u"WelcomeForm")
        WelcomeForm.resize(640, 360)
        self.welcomeLayout = QVBoxLayout(WelcomeForm)
        self.welcomeLayout.setObjectName(u"welcomeLayout")
        self.welcomeText = QLabel(WelcomeForm)
        self.welcomeText.setObjectName(u"welcomeText")
        self.welcomeText.setTextFormat(Qt.TextFormat.RichText)
        self.welcomeText.setWordWrap(True)

        self.welcomeLayout.addWidget(self.welcomeText)

        self.databaseInfo = QLabel(WelcomeForm)
        self.databaseInfo.setObjectName(u"databaseInfo")
        self.databaseInfo.setWordWrap(True)
        self.databaseInfo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.databaseInfo.setStyleSheet(u"color: palette(mid);")

        self.welcomeLayout.addWidget(self.databaseInfo)

        self.welcomeSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.welcomeLayout.addItem(self.welcomeSpacer)


        self.retranslateUi(WelcomeForm)

        QMetaObject.connectSlotsByName(WelcomeForm)
    # setupUi

    def retranslateUi(self, WelcomeForm):
        self.welcomeText.setText(QCoreApplication.translate("WelcomeForm", u"<p>\u6b22\u8fce\u4f7f\u7528\u5bb9\u9519\u7ea0\u9519\u529e\u7406\u7cfb\u7edf\u3002</p><p>\u8fd9\u662f\u4e00\u4e2a\u65b0\u7684\u6570\u636e\u5e93\u3002\u63a5\u4e0b\u6765\u8bf7\u586b\u5199\u672c\u5355\u4f4d\u7684\u4fe1\u606f\uff1a\u5355\u4f4d\u7684\u4e2d\u6587\u540d\u79f0\u548c\u7c7b\u578b\uff08\u4e61\u3001\u9547\u3001\u82cf\u6728\u6216\u8857\u9053\uff09\u3001\u8499\u53e4\u6587\u540d\u79f0\u3001\u53d1\u6587\u4ee3\u5b57\u3001\u7b7e\u53d1\u4eba\u3001\u5370\u53d1\u673a\u5173\u3001\u9ed8\u8ba4\u6284\u9001\u5355\u4f4d\u3001\u544a\u77e5\u671f\u9650\u7684\u8ba1\u7b97\u65b9\u6cd5\u548c\u672c\u5355\u4f4d\u7684\u79d1\u5ba4\uff0c\u6700\u540e\u68c0\u67e5\u4e00\u904d\u3002\u8fd9\u4e9b\u4fe1\u606f\u4f1a\u5370\u5728\u6bcf\u4e00\u4efd\u6587\u4e66\u4e0a\uff0c\u4e4b\u540e\u53ef\u4ee5\u5728\u201c\u8bbe\u7f6e\u201d\u4e2d\u968f\u65f6\u4fee\u6539\u3002</p><p>\u672c\u7a0b\u5e8f\u5b8c\u5168\u79bb\u7ebf\u8fd0\u884c\uff0c\u6240\u6709\u6570\u636e\u53ea\u4fdd\u5b58\u5728\u672c\u673a\u3002</p>", None))
        pass
    # retranslateUi

