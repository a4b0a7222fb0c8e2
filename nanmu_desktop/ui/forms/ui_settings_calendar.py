# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_calendar.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDateEdit,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_CalendarForm(object):
    def setupUi(self, CalendarForm):
        if not CalendarForm.objectName():
            CalendarForm.setObjectName(u"CalendarForm")
        CalendarForm.resize(720, 520)
        self.calendarLayout = QVBoxLayout(CalendarForm)
        self.calendarLayout.setObjectName(u"calendarLayout")
        self.calendarIntro = QLabel(CalendarForm)
        self.calendarIntro.setObjectName(u"calendarIntro")
        self.calendarIntro.setWordWrap(True)

        self.calendarLayout.addWidget(self.calendarIntro)

        self.yearsLabel = QLabel(CalendarForm)
        self.yearsLabel.setObjectName(u"yearsLabel")
        self.yearsLabel.setWordWrap(True)

        self.calendarLayout.addWidget(self.yearsLabel)

        self.yearRow = QHBoxLayout()
        self.yearRow.setObjectName(u"yearRow")
        self.yearCaption = QLabel(CalendarForm)
        self.yearCaption.setObjectName(u"yearCaption")

        self.yearRow.addWidget(self.yearCaption)

        self.yearSpin = QSpinBox(CalendarForm)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2099)
        self.yearSpin.setValue(2026)

        self.yearRow.addWidget(self.yearSpin)

        self.coverageLabel = QLabel(CalendarForm)
        self.coverageLabel.setObjectName(u"coverageLabel")
        self.coverageLabel.setWordWrap(True)

        self.yearRow.addWidget(self.coverageLabel)

        self.yearSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearRow.addItem(self.yearSpacer)


        self.calendarLayout.addLayout(self.yearRow)

        self.coverageWarning = QLabel(CalendarForm)
        self.coverageWarning.setObjectName(u"coverageWarning")
        self.coverageWarning.setWordWrap(True)
        self.coverageWarning.setStyleSheet(u"color: #a04000; background: #fff4e0; padding: 6px;")

        self.calendarLayout.addWidget(self.coverageWarning)

        self.dayTable = QTableWidget(CalendarForm)
        if (self.dayTable.columnCount() < 6):
            self.dayTable.setColumnCount(6)
        __qtablewidgetitem = QTableWidgetItem()
        self.dayTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.dayTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.dayTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.dayTable.setHorizontalHeaderItem(3, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.dayTable.setHorizontalHeaderItem(4, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.dayTable.setHorizontalHeaderItem(5, __qtablewidgetitem5)
        self.dayTable.setObjectName(u"dayTable")
        self.dayTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dayTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dayTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dayTable.setColumnCount(6)
        self.dayTable.horizontalHeader().setStretchLastSection(True)
        self.dayTable.verticalHeader().setVisible(False)

        self.calendarLayout.addWidget(self.dayTable)

        self.entryRow = QHBoxLayout()
        self.entryRow.setObjectName(u"entryRow")
        self.dayCaption = QLabel(CalendarForm)
        self.dayCaption.setObjectName(u"dayCaption")

        self.entryRow.addWidget(self.dayCaption)

        self.dayEdit = QDateEdit(CalendarForm)
        self.dayEdit.setObjectName(u"dayEdit")
        self.dayEdit.setCalendarPopup(True)

        self.entryRow.addWidget(self.dayEdit)

        self.kindCombo = QComboBox(CalendarForm)
        self.kindCombo.setObjectName(u"kindCombo")

        self.entryRow.addWidget(self.kindCombo)

        self.nameCaption = QLabel(CalendarForm)
        self.nameCaption.setObjectName(u"nameCaption")

        self.entryRow.addWidget(self.nameCaption)

        self.nameEdit = QLineEdit(CalendarForm)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(50)

        self.entryRow.addWidget(self.nameEdit)

        self.addButton = QPushButton(CalendarForm)
        self.addButton.setObjectName(u"addButton")

        self.entryRow.addWidget(self.addButton)


        self.calendarLayout.addLayout(self.entryRow)

        self.entryError = QLabel(CalendarForm)
        self.entryError.setObjectName(u"entryError")
        self.entryError.setWordWrap(True)
        self.entryError.setStyleSheet(u"color: #b00020;")

        self.calendarLayout.addWidget(self.entryError)

        self.calendarButtons = QHBoxLayout()
        self.calendarButtons.setObjectName(u"calendarButtons")
        self.removeButton = QPushButton(CalendarForm)
        self.removeButton.setObjectName(u"removeButton")

        self.calendarButtons.addWidget(self.removeButton)

        self.importButton = QPushButton(CalendarForm)
        self.importButton.setObjectName(u"importButton")

        self.calendarButtons.addWidget(self.importButton)

        self.calendarButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.calendarButtons.addItem(self.calendarButtonsSpacer)


        self.calendarLayout.addLayout(self.calendarButtons)

        self.csvHint = QLabel(CalendarForm)
        self.csvHint.setObjectName(u"csvHint")
        self.csvHint.setWordWrap(True)
        self.csvHint.setStyleSheet(u"color: palette(mid);")

        self.calendarLayout.addWidget(self.csvHint)

#if QT_CONFIG(shortcut)
        self.yearCaption.setBuddy(self.yearSpin)
        self.dayCaption.setBuddy(self.dayEdit)
        self.nameCaption.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CalendarForm)

        QMetaObject.connectSlotsByName(CalendarForm)
    # setupUi

    def retranslateUi(self, CalendarForm):
        self.calendarIntro.setText(QCoreApplication.translate("CalendarForm", u"\u8ba1\u7b97\u544a\u77e5\u671f\u9650\u548c\u6574\u6539\u671f\u9650\u65f6\uff0c\u6cd5\u5b9a\u8282\u5047\u65e5\u548c\u8c03\u4f11\u4e0a\u73ed\u65e5\u53d6\u81ea\u968f\u7a0b\u5e8f\u9644\u5e26\u7684\u8282\u5047\u65e5\u6570\u636e\u5305\uff0c\u5e76\u4ee5\u672c\u9875\u624b\u5de5\u5f55\u5165\u7684\u6761\u76ee\u4e3a\u51c6\uff08\u624b\u5de5\u6761\u76ee\u53ef\u628a\u6570\u636e\u5305\u4e2d\u7684\u8282\u5047\u65e5\u6539\u4e3a\u4e0a\u73ed\u65e5\uff0c\u53cd\u4e4b\u4ea6\u7136\uff09\u3002\u6570\u636e\u5305\u672a\u8986\u76d6\u7684\u5e74\u4efd\uff0c\u8bf7\u5728\u56fd\u52a1\u9662\u529e\u516c\u5385\u516c\u5e03\u653e\u5047\u5b89\u6392\u540e\u5728\u6b64\u5f55\u5165\u6216\u5bfc\u5165\u3002", None))
        self.yearCaption.setText(QCoreApplication.translate("CalendarForm", u"\u5e74\u4efd(&Y)\uff1a", None))
        ___qtablewidgetitem = self.dayTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CalendarForm", u"\u65e5\u671f", None));
        ___qtablewidgetitem1 = self.dayTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CalendarForm", u"\u661f\u671f", None));
        ___qtablewidgetitem2 = self.dayTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CalendarForm", u"\u7c7b\u578b", None));
        ___qtablewidgetitem3 = self.dayTable.horizontalHeaderItem(3)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CalendarForm", u"\u540d\u79f0", None));
        ___qtablewidgetitem4 = self.dayTable.horizontalHeaderItem(4)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("CalendarForm", u"\u6765\u6e90", None));
        ___qtablewidgetitem5 = self.dayTable.horizontalHeaderItem(5)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("CalendarForm", u"\u8bf4\u660e", None));
        self.dayCaption.setText(QCoreApplication.translate("CalendarForm", u"\u65e5\u671f(&T)\uff1a", None))
        self.dayEdit.setDisplayFormat(QCoreApplication.translate("CalendarForm", u"yyyy-MM-dd", None))
        self.nameCaption.setText(QCoreApplication.translate("CalendarForm", u"\u540d\u79f0(&N)\uff1a", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("CalendarForm", u"\u5982 \u6625\u8282\u3001\u56fd\u5e86\u8282", None))
        self.addButton.setText(QCoreApplication.translate("CalendarForm", u"\u5f55\u5165(&A)", None))
        self.removeButton.setText(QCoreApplication.translate("CalendarForm", u"\u5220\u9664\u6240\u9009\u624b\u5de5\u5f55\u5165(&R)", None))
        self.importButton.setText(QCoreApplication.translate("CalendarForm", u"\u4ece CSV \u5bfc\u5165(&I)\u2026", None))
        self.csvHint.setText(QCoreApplication.translate("CalendarForm", u"CSV \u6587\u4ef6\u7b2c\u4e00\u884c\u4e3a\u8868\u5934 date,kind,name\uff0c\u5176\u540e\u6bcf\u884c\u4e00\u65e5\uff0c\u5982 2027-10-01,holiday,\u56fd\u5e86\u8282\uff1bkind \u4e3a holiday\uff08\u6cd5\u5b9a\u8282\u5047\u65e5\uff09\u6216 workday\uff08\u8c03\u4f11\u4e0a\u73ed\u65e5\uff09\u3002\u4efb\u4f55\u4e00\u884c\u6709\u8bef\u5219\u5168\u90e8\u4e0d\u5bfc\u5165\u3002", None))
        pass
    # retranslateUi

