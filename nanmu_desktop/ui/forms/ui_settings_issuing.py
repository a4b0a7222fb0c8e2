# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_issuing.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

class Ui_IssuingForm(object):
    def setupUi(self, IssuingForm):
        if not IssuingForm.objectName():
            IssuingForm.setObjectName(u"IssuingForm")
        IssuingForm.resize(640, 460)
        self.issuingLayout = QVBoxLayout(IssuingForm)
        self.issuingLayout.setObjectName(u"issuingLayout")
        self.issuingFormLayout = QFormLayout()
        self.issuingFormLayout.setObjectName(u"issuingFormLayout")
        self.issuingFormLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.signerCaption = QLabel(IssuingForm)
        self.signerCaption.setObjectName(u"signerCaption")

        self.issuingFormLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signerCaption)

        self.signerEdit = QLineEdit(IssuingForm)
        self.signerEdit.setObjectName(u"signerEdit")
        self.signerEdit.setMaxLength(50)

        self.issuingFormLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.signerEdit)

        self.authorityCaption = QLabel(IssuingForm)
        self.authorityCaption.setObjectName(u"authorityCaption")

        self.issuingFormLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.authorityCaption)

        self.authorityEdit = QLineEdit(IssuingForm)
        self.authorityEdit.setObjectName(u"authorityEdit")
        self.authorityEdit.setMaxLength(100)

        self.issuingFormLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.authorityEdit)

        self.ccCaption = QLabel(IssuingForm)
        self.ccCaption.setObjectName(u"ccCaption")

        self.issuingFormLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ccCaption)

        self.ccEdit = QLineEdit(IssuingForm)
        self.ccEdit.setObjectName(u"ccEdit")

        self.issuingFormLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ccEdit)

        self.prefixCaption = QLabel(IssuingForm)
        self.prefixCaption.setObjectName(u"prefixCaption")

        self.issuingFormLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.prefixCaption)

        self.prefixLayout = QHBoxLayout()
        self.prefixLayout.setObjectName(u"prefixLayout")
        self.prefixEdit = QLineEdit(IssuingForm)
        self.prefixEdit.setObjectName(u"prefixEdit")
        self.prefixEdit.setMaxLength(20)

        self.prefixLayout.addWidget(self.prefixEdit)

        self.applyPrefixButton = QPushButton(IssuingForm)
        self.applyPrefixButton.setObjectName(u"applyPrefixButton")

        self.prefixLayout.addWidget(self.applyPrefixButton)


        self.issuingFormLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.prefixLayout)


        self.issuingLayout.addLayout(self.issuingFormLayout)

        self.prefixTableCaption = QLabel(IssuingForm)
        self.prefixTableCaption.setObjectName(u"prefixTableCaption")
        self.prefixTableCaption.setWordWrap(True)

        self.issuingLayout.addWidget(self.prefixTableCaption)

        self.prefixTable = QTableWidget(IssuingForm)
        if (self.prefixTable.columnCount() < 2):
            self.prefixTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.prefixTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.prefixTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.prefixTable.setObjectName(u"prefixTable")
        self.prefixTable.setAlternatingRowColors(True)
        self.prefixTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.prefixTable.setColumnCount(2)
        self.prefixTable.horizontalHeader().setStretchLastSection(True)
        self.prefixTable.verticalHeader().setVisible(False)

        self.issuingLayout.addWidget(self.prefixTable)

        self.letterCheck = QCheckBox(IssuingForm)
        self.letterCheck.setObjectName(u"letterCheck")
        self.letterCheck.setChecked(True)

        self.issuingLayout.addWidget(self.letterCheck)

        self.issuingError = QLabel(IssuingForm)
        self.issuingError.setObjectName(u"issuingError")
        self.issuingError.setStyleSheet(u"color: #c0392b;")
        self.issuingError.setWordWrap(True)

        self.issuingLayout.addWidget(self.issuingError)

#if QT_CONFIG(shortcut)
        self.signerCaption.setBuddy(self.signerEdit)
        self.authorityCaption.setBuddy(self.authorityEdit)
        self.ccCaption.setBuddy(self.ccEdit)
        self.prefixCaption.setBuddy(self.prefixEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.signerEdit, self.authorityEdit)
        QWidget.setTabOrder(self.authorityEdit, self.ccEdit)
        QWidget.setTabOrder(self.ccEdit, self.prefixEdit)
        QWidget.setTabOrder(self.prefixEdit, self.applyPrefixButton)
        QWidget.setTabOrder(self.applyPrefixButton, self.prefixTable)
        QWidget.setTabOrder(self.prefixTable, self.letterCheck)

        self.retranslateUi(IssuingForm)

        QMetaObject.connectSlotsByName(IssuingForm)
    # setupUi

    def retranslateUi(self, IssuingForm):
        self.signerCaption.setText(QCoreApplication.translate("IssuingForm", u"\u7b7e\u53d1\u4eba(&Q)\uff1a", None))
        self.signerEdit.setPlaceholderText(QCoreApplication.translate("IssuingForm", u"\u4e3b\u8981\u8d1f\u8d23\u4eba\u6216\u5206\u7ba1\u8d1f\u8d23\u4eba\u59d3\u540d", None))
        self.authorityCaption.setText(QCoreApplication.translate("IssuingForm", u"\u5370\u53d1\u673a\u5173(&A)\uff1a", None))
        self.authorityEdit.setPlaceholderText(QCoreApplication.translate("IssuingForm", u"\u4f8b\u5982\uff1a\u00d7\u00d7\u4e61\u515a\u653f\u7efc\u5408\u529e\u516c\u5ba4", None))
        self.ccCaption.setText(QCoreApplication.translate("IssuingForm", u"\u9ed8\u8ba4\u6284\u9001(&O)\uff1a", None))
        self.ccEdit.setPlaceholderText(QCoreApplication.translate("IssuingForm", u"\u591a\u4e2a\u5355\u4f4d\u7528\u987f\u53f7\u201c\u3001\u201d\u5206\u9694\uff0c\u4f8b\u5982\uff1a\u00d7\u00d7\u5e02\u53f8\u6cd5\u5c40\u3001\u00d7\u00d7\u7eaa\u59d4", None))
        self.prefixCaption.setText(QCoreApplication.translate("IssuingForm", u"\u53d1\u6587\u4ee3\u5b57\uff08\u5168\u90e8\u6587\u4e66\uff09(&P)\uff1a", None))
        self.prefixEdit.setPlaceholderText(QCoreApplication.translate("IssuingForm", u"\u5982\u201c\u00d7\u653f\u53d1\u201d\uff0c\u53ea\u7528\u6c49\u5b57", None))
        self.applyPrefixButton.setText(QCoreApplication.translate("IssuingForm", u"\u6e05\u9664\u5355\u72ec\u8bbe\u7f6e(&X)", None))
#if QT_CONFIG(tooltip)
        self.applyPrefixButton.setToolTip(QCoreApplication.translate("IssuingForm", u"\u5404\u7c7b\u6587\u4e66\u90fd\u4f7f\u7528\u5de6\u8fb9\u7684\u4ee3\u5b57", None))
#endif // QT_CONFIG(tooltip)
        self.prefixTableCaption.setText(QCoreApplication.translate("IssuingForm", u"\u67d0\u7c7b\u6587\u4e66\u5355\u72ec\u4f7f\u7528\u7684\u4ee3\u5b57\uff08\u53cc\u51fb\u4fee\u6539\uff1b\u7559\u7a7a\u5373\u4f7f\u7528\u4e0a\u9762\u7684\u4ee3\u5b57\uff0c\u4fe1\u51fd\u7559\u7a7a\u5219\u628a\u5b83\u7684\u201c\u53d1\u201d\u6539\u4e3a\u201c\u51fd\u201d\uff0c\u5982\u9102\u653f\u51fd\uff1b\u6587\u53f7\u5f62\u5982 \u4ee3\u5b57\u3014\u5e74\u4efd\u3015\u5e8f\u53f7\u53f7\uff0c\u6bcf\u4e2a\u4ee3\u5b57\u6309\u5e74\u4efd\u5355\u72ec\u7f16\u53f7\uff1b\u8ba4\u5b9a\u5ba1\u6279\u8868\u4e3a\u5185\u90e8\u8868\u683c\uff0c\u4e0d\u5360\u6587\u53f7\uff09\uff1a", None))
        ___qtablewidgetitem = self.prefixTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("IssuingForm", u"\u6587\u4e66\u79cd\u7c7b", None));
        ___qtablewidgetitem1 = self.prefixTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("IssuingForm", u"\u4ee3\u5b57", None));
        self.letterCheck.setText(QCoreApplication.translate("IssuingForm", u"\u53d1\u7ed9\u5f53\u4e8b\u4eba\uff08\u4e2a\u4eba\uff09\u7684\u5bb9\u9519\u8ba4\u5b9a\u7ed3\u679c\u544a\u77e5\u4e66\u4f7f\u7528\u4fe1\u51fd\u683c\u5f0f\u548c\u4fe1\u51fd\u4ee3\u5b57(&L)", None))
#if QT_CONFIG(tooltip)
        self.letterCheck.setToolTip(QCoreApplication.translate("IssuingForm", u"GB/T 9704 \u7b2c10.1\u6761\u4fe1\u51fd\u683c\u5f0f\uff1a\u53d1\u6587\u673a\u5173\u540d\u79f0\u4e0d\u52a0\u201c\u6587\u4ef6\u201d\uff0c\u4e0a\u4e0b\u7ea2\u8272\u53cc\u7ebf\uff0c\u6587\u53f7\u5c45\u53f3\u3002\u53d1\u7ed9\u5355\u4f4d\u7684\u544a\u77e5\u4e66\u4ecd\u7528\u6587\u4ef6\u683c\u5f0f\u3002\u4fe1\u8bbf\u4e3e\u62a5\u8c03\u67e5\u7ed3\u679c\u53cd\u9988\u51fd\u59cb\u7ec8\u4f7f\u7528\u4fe1\u51fd\u683c\u5f0f\u3002", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

