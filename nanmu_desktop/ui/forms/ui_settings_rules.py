# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_rules.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QRadioButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_RulesForm(object):
    def setupUi(self, RulesForm):
        if not RulesForm.objectName():
            RulesForm.setObjectName(u"RulesForm")
        RulesForm.resize(640, 260)
        self.rulesLayout = QVBoxLayout(RulesForm)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rulesIntro = QLabel(RulesForm)
        self.rulesIntro.setObjectName(u"rulesIntro")
        self.rulesIntro.setWordWrap(True)

        self.rulesLayout.addWidget(self.rulesIntro)

        self.calendarRadio = QRadioButton(RulesForm)
        self.calendarRadio.setObjectName(u"calendarRadio")
        self.calendarRadio.setChecked(True)

        self.rulesLayout.addWidget(self.calendarRadio)

        self.workingRadio = QRadioButton(RulesForm)
        self.workingRadio.setObjectName(u"workingRadio")

        self.rulesLayout.addWidget(self.workingRadio)

        self.rulesExample = QLabel(RulesForm)
        self.rulesExample.setObjectName(u"rulesExample")
        self.rulesExample.setWordWrap(True)
        self.rulesExample.setStyleSheet(u"color: palette(mid);")

        self.rulesLayout.addWidget(self.rulesExample)

        self.rulesSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rulesLayout.addItem(self.rulesSpacer)


        self.retranslateUi(RulesForm)

        QMetaObject.connectSlotsByName(RulesForm)
    # setupUi

    def retranslateUi(self, RulesForm):
        self.rulesIntro.setText(QCoreApplication.translate("RulesForm", u"\u7b2c\u5341\u4e09\u6761\u89c4\u5b9a\uff0c\u5bb9\u9519\u51b3\u5b9a\u4f5c\u51fa\u540e\u5e94\u5f53\u4e8e7\u65e5\u5185\u544a\u77e5\u76f8\u5173\u5355\u4f4d\u53ca\u5f53\u4e8b\u4eba\u3002\u5236\u5ea6\u672a\u660e\u786e\u201c7\u65e5\u201d\u7684\u8ba1\u7b97\u65b9\u6cd5\uff0c\u8bf7\u9009\u62e9\u672c\u5355\u4f4d\u91c7\u7528\u7684\u89c4\u5219\uff0c\u8ba4\u5b9a\u5ba1\u6279\u8868\u4e0a\u5c06\u6ce8\u660e\u6240\u7528\u89c4\u5219\u3002", None))
        self.calendarRadio.setText(QCoreApplication.translate("RulesForm", u"\u6309\u81ea\u7136\u65e5\u8ba1\u7b97\uff08\u65e5\u5386\u65e5\uff0c\u9ed8\u8ba4\uff09(&R)", None))
        self.workingRadio.setText(QCoreApplication.translate("RulesForm", u"\u6309\u5de5\u4f5c\u65e5\u8ba1\u7b97\uff08\u6263\u9664\u5468\u672b\u548c\u6cd5\u5b9a\u8282\u5047\u65e5\uff0c\u8c03\u4f11\u4e0a\u73ed\u65e5\u8ba1\u5165\uff09(&G)", None))
        pass
    # retranslateUi

