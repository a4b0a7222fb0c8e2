# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'decision_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_DecisionDialog(object):
    def setupUi(self, DecisionDialog):
        if not DecisionDialog.objectName():
            DecisionDialog.setObjectName(u"DecisionDialog")
        DecisionDialog.resize(560, 560)
        self.mainLayout = QVBoxLayout(DecisionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.proposalLabel = QLabel(DecisionDialog)
        self.proposalLabel.setObjectName(u"proposalLabel")
        self.proposalLabel.setWordWrap(True)
        self.proposalLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.proposalLabel)

        self.warningsLabel = QLabel(DecisionDialog)
        self.warningsLabel.setObjectName(u"warningsLabel")
        self.warningsLabel.setStyleSheet(u"color: #8a5a00;")
        self.warningsLabel.setWordWrap(True)
        self.warningsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.warningsLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meetingDateCaption = QLabel(DecisionDialog)
        self.meetingDateCaption.setObjectName(u"meetingDateCaption")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.meetingDateCaption)

        self.meetingDateEdit = QDateEdit(DecisionDialog)
        self.meetingDateEdit.setObjectName(u"meetingDateEdit")
        self.meetingDateEdit.setCalendarPopup(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.meetingDateEdit)

        self.attendeesCaption = QLabel(DecisionDialog)
        self.attendeesCaption.setObjectName(u"attendeesCaption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.attendeesCaption)

        self.attendeesLayout = QVBoxLayout()
        self.attendeesLayout.setObjectName(u"attendeesLayout")
        self.attendeesEdit = QPlainTextEdit(DecisionDialog)
        self.attendeesEdit.setObjectName(u"attendeesEdit")
        self.attendeesEdit.setTabChangesFocus(True)

        self.attendeesLayout.addWidget(self.attendeesEdit)

        self.attendeesError = QLabel(DecisionDialog)
        self.attendeesError.setObjectName(u"attendeesError")
        self.attendeesError.setStyleSheet(u"color: #c62828;")
        self.attendeesError.setWordWrap(True)

        self.attendeesLayout.addWidget(self.attendeesError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.attendeesLayout)

        self.outcomeCaption = QLabel(DecisionDialog)
        self.outcomeCaption.setObjectName(u"outcomeCaption")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeCaption)

        self.outcomeCombo = QComboBox(DecisionDialog)
        self.outcomeCombo.setObjectName(u"outcomeCombo")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeCombo)

        self.mitigationCaption = QLabel(DecisionDialog)
        self.mitigationCaption.setObjectName(u"mitigationCaption")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.mitigationCaption)

        self.mitigationLayout = QVBoxLayout()
        self.mitigationLayout.setObjectName(u"mitigationLayout")
        self.mitigationChoices = QHBoxLayout()
        self.mitigationChoices.setObjectName(u"mitigationChoices")
        self.lighterRadio = QRadioButton(DecisionDialog)
        self.lighterRadio.setObjectName(u"lighterRadio")

        self.mitigationChoices.addWidget(self.lighterRadio)

        self.reducedRadio = QRadioButton(DecisionDialog)
        self.reducedRadio.setObjectName(u"reducedRadio")

        self.mitigationChoices.addWidget(self.reducedRadio)

        self.mitigationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mitigationChoices.addItem(self.mitigationSpacer)


        self.mitigationLayout.addLayout(self.mitigationChoices)

        self.measureRow = QHBoxLayout()
        self.measureRow.setObjectName(u"measureRow")
        self.measureCaption = QLabel(DecisionDialog)
        self.measureCaption.setObjectName(u"measureCaption")

        self.measureRow.addWidget(self.measureCaption)

        self.measureEdit = QLineEdit(DecisionDialog)
        self.measureEdit.setObjectName(u"measureEdit")

        self.measureRow.addWidget(self.measureEdit)


        self.mitigationLayout.addLayout(self.measureRow)

        self.mitigationError = QLabel(DecisionDialog)
        self.mitigationError.setObjectName(u"mitigationError")
        self.mitigationError.setStyleSheet(u"color: #c62828;")
        self.mitigationError.setWordWrap(True)

        self.mitigationLayout.addWidget(self.mitigationError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.mitigationLayout)

        self.reasonCaption = QLabel(DecisionDialog)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonCaption)

        self.reasonLayout = QVBoxLayout()
        self.reasonLayout.setObjectName(u"reasonLayout")
        self.reasonEdit = QPlainTextEdit(DecisionDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.reasonLayout.addWidget(self.reasonEdit)

        self.reasonError = QLabel(DecisionDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setStyleSheet(u"color: #c62828;")
        self.reasonError.setWordWrap(True)

        self.reasonLayout.addWidget(self.reasonError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.reasonLayout)

        self.correctionCaption = QLabel(DecisionDialog)
        self.correctionCaption.setObjectName(u"correctionCaption")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.correctionCaption)

        self.correctionEdit = QLineEdit(DecisionDialog)
        self.correctionEdit.setObjectName(u"correctionEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.correctionEdit)

        self.deadlineCaption = QLabel(DecisionDialog)
        self.deadlineCaption.setObjectName(u"deadlineCaption")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.deadlineCaption)

        self.deadlineLabel = QLabel(DecisionDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")
        self.deadlineLabel.setWordWrap(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.deadlineLabel)


        self.mainLayout.addLayout(self.formLayout)

        self.formError = QLabel(DecisionDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setStyleSheet(u"color: #c62828;")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(DecisionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingDateCaption.setBuddy(self.meetingDateEdit)
        self.attendeesCaption.setBuddy(self.attendeesEdit)
        self.outcomeCaption.setBuddy(self.outcomeCombo)
        self.measureCaption.setBuddy(self.measureEdit)
        self.reasonCaption.setBuddy(self.reasonEdit)
        self.correctionCaption.setBuddy(self.correctionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.meetingDateEdit, self.attendeesEdit)
        QWidget.setTabOrder(self.attendeesEdit, self.outcomeCombo)
        QWidget.setTabOrder(self.outcomeCombo, self.lighterRadio)
        QWidget.setTabOrder(self.lighterRadio, self.reducedRadio)
        QWidget.setTabOrder(self.reducedRadio, self.reasonEdit)

        self.retranslateUi(DecisionDialog)

        QMetaObject.connectSlotsByName(DecisionDialog)
    # setupUi

    def retranslateUi(self, DecisionDialog):
        DecisionDialog.setWindowTitle(QCoreApplication.translate("DecisionDialog", u"\u8bb0\u5f55\u515a\u59d4\u7814\u7a76\u51b3\u5b9a", None))
        self.proposalLabel.setText(QCoreApplication.translate("DecisionDialog", u"\u8ba4\u5b9a\u5efa\u8bae\uff1a", None))
        self.meetingDateCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u4f1a\u8bae\u65e5\u671f(&D)\uff1a", None))
        self.meetingDateEdit.setDisplayFormat(QCoreApplication.translate("DecisionDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.attendeesCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u53c2\u4f1a\u4eba\u5458(&A)\uff1a", None))
        self.attendeesEdit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"\u6bcf\u884c\u4e00\u4eba\uff0c\u6216\u4ee5\u987f\u53f7\u5206\u9694", None))
        self.outcomeCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u51b3\u5b9a\u7ed3\u679c(&O)\uff1a", None))
        self.mitigationCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u5904\u7406\u65b9\u5f0f\uff1a", None))
        self.lighterRadio.setText(QCoreApplication.translate("DecisionDialog", u"\u4ece\u8f7b(&L)", None))
        self.reducedRadio.setText(QCoreApplication.translate("DecisionDialog", u"\u51cf\u8f7b(&J)", None))
        self.measureCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u6240\u51cf\u8f7b\u7684\u5904\u7406\u63aa\u65bd(&M)\uff1a", None))
        self.measureEdit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"\u4f8b\u5982\uff1a\u7531\u8beb\u52c9\u8c08\u8bdd\u51cf\u4e3a\u6279\u8bc4\u6559\u80b2", None))
        self.reasonCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u51b3\u5b9a\u7406\u7531(&R)\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"\u51b3\u5b9a\u4e0e\u8ba4\u5b9a\u5efa\u8bae\u4e0d\u4e00\u81f4\u65f6\u5fc5\u987b\u586b\u5199\u7406\u7531", None))
        self.correctionCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u66f4\u6b63\u7406\u7531(&G)\uff1a", None))
        self.correctionEdit.setPlaceholderText(QCoreApplication.translate("DecisionDialog", u"\u66f4\u6b63\u5df2\u8bb0\u5f55\u7684\u515a\u59d4\u51b3\u5b9a\u65f6\u5fc5\u987b\u5199\u660e\u7406\u7531", None))
        self.deadlineCaption.setText(QCoreApplication.translate("DecisionDialog", u"\u544a\u77e5\u671f\u9650\uff1a", None))
    # retranslateUi

