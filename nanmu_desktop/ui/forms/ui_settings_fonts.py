# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_fonts.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_FontsForm(object):
    def setupUi(self, FontsForm):
        if not FontsForm.objectName():
            FontsForm.setObjectName(u"FontsForm")
        FontsForm.resize(700, 480)
        self.fontsLayout = QVBoxLayout(FontsForm)
        self.fontsLayout.setObjectName(u"fontsLayout")
        self.fontsIntro = QLabel(FontsForm)
        self.fontsIntro.setObjectName(u"fontsIntro")
        self.fontsIntro.setWordWrap(True)

        self.fontsLayout.addWidget(self.fontsIntro)

        self.fontTable = QTableWidget(FontsForm)
        if (self.fontTable.columnCount() < 4):
            self.fontTable.setColumnCount(4)
        __qtablewidgetitem = QTableWidgetItem()
        self.fontTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.fontTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.fontTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.fontTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        self.fontTable.setObjectName(u"fontTable")
        self.fontTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fontTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fontTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fontTable.setColumnCount(4)
        self.fontTable.horizontalHeader().setStretchLastSection(True)
        self.fontTable.verticalHeader().setVisible(False)

        self.fontsLayout.addWidget(self.fontTable)

        self.substituteWarning = QLabel(FontsForm)
        self.substituteWarning.setObjectName(u"substituteWarning")
        self.substituteWarning.setWordWrap(True)
        self.substituteWarning.setStyleSheet(u"color: #a04000; background: #fff4e0; padding: 6px;")

        self.fontsLayout.addWidget(self.substituteWarning)

        self.fontButtons = QHBoxLayout()
        self.fontButtons.setObjectName(u"fontButtons")
        self.chooseFontButton = QPushButton(FontsForm)
        self.chooseFontButton.setObjectName(u"chooseFontButton")

        self.fontButtons.addWidget(self.chooseFontButton)

        self.resetFontButton = QPushButton(FontsForm)
        self.resetFontButton.setObjectName(u"resetFontButton")

        self.fontButtons.addWidget(self.resetFontButton)

        self.fontButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fontButtons.addItem(self.fontButtonsSpacer)


        self.fontsLayout.addLayout(self.fontButtons)

        self.specimenBox = QGroupBox(FontsForm)
        self.specimenBox.setObjectName(u"specimenBox")
        self.specimenLayout = QVBoxLayout(self.specimenBox)
        self.specimenLayout.setObjectName(u"specimenLayout")
        self.specimenView = QLabel(self.specimenBox)
        self.specimenView.setObjectName(u"specimenView")
        self.specimenView.setMinimumSize(QSize(300, 90))
        self.specimenView.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignVCenter)
        self.specimenView.setWordWrap(True)
        self.specimenView.setStyleSheet(u"background: white; border: 1px solid #d0d0d0; padding: 8px;")

        self.specimenLayout.addWidget(self.specimenView)


        self.fontsLayout.addWidget(self.specimenBox)


        self.retranslateUi(FontsForm)

        QMetaObject.connectSlotsByName(FontsForm)
    # setupUi

    def retranslateUi(self, FontsForm):
        self.fontsIntro.setText(QCoreApplication.translate("FontsForm", u"\u516c\u6587\u6309\u56fd\u5bb6\u6807\u51c6 GB/T 9704-2012 \u4f7f\u7528\u4ee5\u4e0b\u5b57\u4f53\u3002\u672c\u673a\u88c5\u6709\u6b63\u5f0f\u5b57\u4f53\u65f6\u81ea\u52a8\u4f7f\u7528\uff1b\u5426\u5219\u4f7f\u7528\u968f\u7a0b\u5e8f\u9644\u5e26\u7684\u5f00\u6e90\u66ff\u4ee3\u5b57\u4f53\uff0c\u4e5f\u53ef\u4ee5\u4e3a\u67d0\u4e00\u7528\u9014\u6307\u5b9a\u5b57\u4f53\u6587\u4ef6\uff08\u4ec5\u9650 TrueType \u5b57\u4f53\uff09\u3002", None))
        ___qtablewidgetitem = self.fontTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("FontsForm", u"\u7528\u9014", None));
        ___qtablewidgetitem1 = self.fontTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("FontsForm", u"\u5b57\u4f53", None));
        ___qtablewidgetitem2 = self.fontTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("FontsForm", u"\u72b6\u6001", None));
        ___qtablewidgetitem3 = self.fontTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("FontsForm", u"\u5b57\u4f53\u6587\u4ef6", None));
        self.chooseFontButton.setText(QCoreApplication.translate("FontsForm", u"\u6307\u5b9a\u5b57\u4f53\u6587\u4ef6(&Z)\u2026", None))
        self.resetFontButton.setText(QCoreApplication.translate("FontsForm", u"\u6062\u590d\u81ea\u52a8\u9009\u62e9(&R)", None))
        self.specimenBox.setTitle(QCoreApplication.translate("FontsForm", u"\u5b57\u6837", None))
        pass
    # retranslateUi

