# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_form.ui'
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
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_CaseForm(object):
    def setupUi(self, CaseForm):
        if not CaseForm.objectName():
            CaseForm.setObjectName(u"CaseForm")
        CaseForm.resize(860, 600)
        self.main_layout = QVBoxLayout(CaseForm)
        self.main_layout.setObjectName(u"main_layout")
        self.tabs = QTabWidget(CaseForm)
        self.tabs.setObjectName(u"tabs")
        self.basic_tab = QWidget()
        self.basic_tab.setObjectName(u"basic_tab")
        self.basic_layout = QFormLayout(self.basic_tab)
        self.basic_layout.setObjectName(u"basic_layout")
        self.number_caption = QLabel(self.basic_tab)
        self.number_caption.setObjectName(u"number_caption")

        self.basic_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.number_caption)

        self.number_label = QLabel(self.basic_tab)
        self.number_label.setObjectName(u"number_label")

        self.basic_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.number_label)

        self.title_label = QLabel(self.basic_tab)
        self.title_label.setObjectName(u"title_label")

        self.basic_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(self.basic_tab)
        self.title_edit.setObjectName(u"title_edit")
        self.title_edit.setMaxLength(200)

        self.basic_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.title_error = QLabel(self.basic_tab)
        self.title_error.setObjectName(u"title_error")
        self.title_error.setWordWrap(True)

        self.basic_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.title_error)

        self.officers_label = QLabel(self.basic_tab)
        self.officers_label.setObjectName(u"officers_label")

        self.basic_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officers_label)

        self.officers_box = QWidget(self.basic_tab)
        self.officers_box.setObjectName(u"officers_box")
        self.officers_layout = QVBoxLayout(self.officers_box)
        self.officers_layout.setObjectName(u"officers_layout")
        self.officers_layout.setContentsMargins(0, 0, 0, 0)
        self.officers_list = QListWidget(self.officers_box)
        self.officers_list.setObjectName(u"officers_list")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.officers_list.sizePolicy().hasHeightForWidth())
        self.officers_list.setSizePolicy(sizePolicy)
        self.officers_list.setMinimumSize(QSize(0, 84))
        self.officers_list.setMaximumSize(QSize(16777215, 84))

        self.officers_layout.addWidget(self.officers_list)

        self.officer_buttons = QHBoxLayout()
        self.officer_buttons.setObjectName(u"officer_buttons")
        self.officer_combo = QComboBox(self.officers_box)
        self.officer_combo.setObjectName(u"officer_combo")
        self.officer_combo.setEditable(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.officer_combo.sizePolicy().hasHeightForWidth())
        self.officer_combo.setSizePolicy(sizePolicy1)

        self.officer_buttons.addWidget(self.officer_combo)

        self.add_officer_button = QPushButton(self.officers_box)
        self.add_officer_button.setObjectName(u"add_officer_button")

        self.officer_buttons.addWidget(self.add_officer_button)

        self.new_officer_button = QPushButton(self.officers_box)
        self.new_officer_button.setObjectName(u"new_officer_button")

        self.officer_buttons.addWidget(self.new_officer_button)

        self.remove_officer_button = QPushButton(self.officers_box)
        self.remove_officer_button.setObjectName(u"remove_officer_button")

        self.officer_buttons.addWidget(self.remove_officer_button)


        self.officers_layout.addLayout(self.officer_buttons)


        self.basic_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.officers_box)

        self.officers_error = QLabel(self.basic_tab)
        self.officers_error.setObjectName(u"officers_error")
        self.officers_error.setWordWrap(True)

        self.basic_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.officers_error)

        self.source_label = QLabel(self.basic_tab)
        self.source_label.setObjectName(u"source_label")

        self.basic_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_combo = QComboBox(self.basic_tab)
        self.source_combo.setObjectName(u"source_combo")

        self.basic_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.source_combo)

        self.source_error = QLabel(self.basic_tab)
        self.source_error.setObjectName(u"source_error")
        self.source_error.setWordWrap(True)

        self.basic_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.source_error)

        self.enforcement_type_label = QLabel(self.basic_tab)
        self.enforcement_type_label.setObjectName(u"enforcement_type_label")

        self.basic_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.enforcement_type_label)

        self.enforcement_type_combo = QComboBox(self.basic_tab)
        self.enforcement_type_combo.setObjectName(u"enforcement_type_combo")

        self.basic_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.enforcement_type_combo)

        self.enforcement_type_error = QLabel(self.basic_tab)
        self.enforcement_type_error.setObjectName(u"enforcement_type_error")
        self.enforcement_type_error.setWordWrap(True)

        self.basic_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.enforcement_type_error)

        self.field_label = QLabel(self.basic_tab)
        self.field_label.setObjectName(u"field_label")

        self.basic_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.field_label)

        self.field_combo = QComboBox(self.basic_tab)
        self.field_combo.setObjectName(u"field_combo")

        self.basic_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.field_combo)

        self.field_error = QLabel(self.basic_tab)
        self.field_error.setObjectName(u"field_error")
        self.field_error.setWordWrap(True)

        self.basic_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.field_error)

        self.occurred_on_label = QLabel(self.basic_tab)
        self.occurred_on_label.setObjectName(u"occurred_on_label")

        self.basic_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.occurred_on_label)

        self.dates_box = QWidget(self.basic_tab)
        self.dates_box.setObjectName(u"dates_box")
        self.dates_layout = QHBoxLayout(self.dates_box)
        self.dates_layout.setObjectName(u"dates_layout")
        self.dates_layout.setContentsMargins(0, 0, 0, 0)
        self.occurred_on_edit = QDateEdit(self.dates_box)
        self.occurred_on_edit.setObjectName(u"occurred_on_edit")
        self.occurred_on_edit.setCalendarPopup(True)

        self.dates_layout.addWidget(self.occurred_on_edit)

        self.reported_on_label = QLabel(self.dates_box)
        self.reported_on_label.setObjectName(u"reported_on_label")

        self.dates_layout.addWidget(self.reported_on_label)

        self.reported_on_edit = QDateEdit(self.dates_box)
        self.reported_on_edit.setObjectName(u"reported_on_edit")
        self.reported_on_edit.setCalendarPopup(True)

        self.dates_layout.addWidget(self.reported_on_edit)

        self.dates_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dates_layout.addItem(self.dates_spacer)


        self.basic_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.dates_box)

        self.dates_error = QLabel(self.basic_tab)
        self.dates_error.setObjectName(u"dates_error")
        self.dates_error.setWordWrap(True)

        self.basic_layout.setWidget(12, QFormLayout.ItemRole.FieldRole, self.dates_error)

        self.tabs.addTab(self.basic_tab, "")
        self.facts_tab = QWidget()
        self.facts_tab.setObjectName(u"facts_tab")
        self.facts_layout = QFormLayout(self.facts_tab)
        self.facts_layout.setObjectName(u"facts_layout")
        self.description_label = QLabel(self.facts_tab)
        self.description_label.setObjectName(u"description_label")

        self.facts_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(self.facts_tab)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)

        self.facts_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.description_error = QLabel(self.facts_tab)
        self.description_error.setObjectName(u"description_error")
        self.description_error.setWordWrap(True)

        self.facts_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.description_error)

        self.loss_text_label = QLabel(self.facts_tab)
        self.loss_text_label.setObjectName(u"loss_text_label")

        self.facts_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.loss_text_label)

        self.loss_text_edit = QPlainTextEdit(self.facts_tab)
        self.loss_text_edit.setObjectName(u"loss_text_edit")
        self.loss_text_edit.setTabChangesFocus(True)

        self.facts_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.loss_text_edit)

        self.loss_amount_label = QLabel(self.facts_tab)
        self.loss_amount_label.setObjectName(u"loss_amount_label")

        self.facts_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.loss_amount_label)

        self.loss_amount_edit = QLineEdit(self.facts_tab)
        self.loss_amount_edit.setObjectName(u"loss_amount_edit")
        self.loss_amount_edit.setMaxLength(20)

        self.facts_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.loss_amount_edit)

        self.loss_amount_error = QLabel(self.facts_tab)
        self.loss_amount_error.setObjectName(u"loss_amount_error")
        self.loss_amount_error.setWordWrap(True)

        self.facts_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.loss_amount_error)

        self.impact_label = QLabel(self.facts_tab)
        self.impact_label.setObjectName(u"impact_label")

        self.facts_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.impact_label)

        self.impact_edit = QPlainTextEdit(self.facts_tab)
        self.impact_edit.setObjectName(u"impact_edit")
        self.impact_edit.setTabChangesFocus(True)

        self.facts_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.impact_edit)

        self.remedial_actions_label = QLabel(self.facts_tab)
        self.remedial_actions_label.setObjectName(u"remedial_actions_label")

        self.facts_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.remedial_actions_label)

        self.remedial_actions_edit = QPlainTextEdit(self.facts_tab)
        self.remedial_actions_edit.setObjectName(u"remedial_actions_edit")
        self.remedial_actions_edit.setTabChangesFocus(True)

        self.facts_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.remedial_actions_edit)

        self.tabs.addTab(self.facts_tab, "")
        self.attachments_tab = QWidget()
        self.attachments_tab.setObjectName(u"attachments_tab")
        self.attachments_layout = QVBoxLayout(self.attachments_tab)
        self.attachments_layout.setObjectName(u"attachments_layout")
        self.tabs.addTab(self.attachments_tab, "")
        self.history_tab = QWidget()
        self.history_tab.setObjectName(u"history_tab")
        self.history_layout = QVBoxLayout(self.history_tab)
        self.history_layout.setObjectName(u"history_layout")
        self.tabs.addTab(self.history_tab, "")

        self.main_layout.addWidget(self.tabs)

        self.form_error = QLabel(CaseForm)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)

        self.main_layout.addWidget(self.form_error)

        self.button_box = QDialogButtonBox(CaseForm)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.officers_label.setBuddy(self.officer_combo)
        self.source_label.setBuddy(self.source_combo)
        self.enforcement_type_label.setBuddy(self.enforcement_type_combo)
        self.field_label.setBuddy(self.field_combo)
        self.occurred_on_label.setBuddy(self.occurred_on_edit)
        self.reported_on_label.setBuddy(self.reported_on_edit)
        self.description_label.setBuddy(self.description_edit)
        self.loss_text_label.setBuddy(self.loss_text_edit)
        self.loss_amount_label.setBuddy(self.loss_amount_edit)
        self.impact_label.setBuddy(self.impact_edit)
        self.remedial_actions_label.setBuddy(self.remedial_actions_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CaseForm)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(CaseForm)
    # setupUi

    def retranslateUi(self, CaseForm):
        CaseForm.setWindowTitle(QCoreApplication.translate("CaseForm", u"\u6848\u4ef6", None))
        self.number_caption.setText(QCoreApplication.translate("CaseForm", u"\u6848\u4ef6\u7f16\u53f7", None))
        self.number_label.setText(QCoreApplication.translate("CaseForm", u"\u4fdd\u5b58\u540e\u81ea\u52a8\u7f16\u53f7", None))
        self.title_label.setText(QCoreApplication.translate("CaseForm", u"\u6848\u7531(&T)", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("CaseForm", u"\u4e00\u53e5\u8bdd\u6982\u62ec\uff0c\u5982\uff1a\u96ea\u5929\u68c0\u67e5\u4e2d\u8bef\u5c01\u6728\u6750\u5806\u573a", None))
        self.title_error.setText("")
        self.officers_label.setText(QCoreApplication.translate("CaseForm", u"\u5f53\u4e8b\u6267\u6cd5\u4eba\u5458(&P)", None))
#if QT_CONFIG(tooltip)
        self.officers_list.setToolTip(QCoreApplication.translate("CaseForm", u"\u672c\u6848\u7684\u5f53\u4e8b\u6267\u6cd5\u4eba\u5458\uff1b\u9009\u4e2d\u540e\u53ef\u79fb\u9664", None))
#endif // QT_CONFIG(tooltip)
        self.add_officer_button.setText(QCoreApplication.translate("CaseForm", u"\u6dfb\u52a0(&A)", None))
        self.new_officer_button.setText(QCoreApplication.translate("CaseForm", u"\u65b0\u589e\u4eba\u5458(&W)\u2026", None))
        self.remove_officer_button.setText(QCoreApplication.translate("CaseForm", u"\u79fb\u9664(&R)", None))
        self.officers_error.setText("")
        self.source_label.setText(QCoreApplication.translate("CaseForm", u"\u6848\u4ef6\u6765\u6e90(&U)", None))
        self.source_error.setText("")
        self.enforcement_type_label.setText(QCoreApplication.translate("CaseForm", u"\u6267\u6cd5\u7c7b\u578b(&Y)", None))
        self.enforcement_type_error.setText("")
        self.field_label.setText(QCoreApplication.translate("CaseForm", u"\u6267\u6cd5\u9886\u57df(&L)", None))
        self.field_error.setText("")
        self.occurred_on_label.setText(QCoreApplication.translate("CaseForm", u"\u53d1\u751f\u65e5\u671f(&O)", None))
        self.occurred_on_edit.setDisplayFormat(QCoreApplication.translate("CaseForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.reported_on_label.setText(QCoreApplication.translate("CaseForm", u"\u767b\u8bb0\u65e5\u671f(&G)", None))
        self.reported_on_edit.setDisplayFormat(QCoreApplication.translate("CaseForm", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.dates_error.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.basic_tab), QCoreApplication.translate("CaseForm", u"\u57fa\u672c\u60c5\u51b5(&1)", None))
        self.description_label.setText(QCoreApplication.translate("CaseForm", u"\u60c5\u51b5\u63cf\u8ff0(&D)", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("CaseForm", u"\u65f6\u95f4\u3001\u5730\u70b9\u3001\u7ecf\u8fc7\uff0c\u6267\u6cd5\u4eba\u5458\u5f53\u65f6\u7684\u8003\u8651", None))
        self.description_error.setText("")
        self.loss_text_label.setText(QCoreApplication.translate("CaseForm", u"\u635f\u5931\u60c5\u51b5(&L)", None))
        self.loss_text_edit.setPlaceholderText(QCoreApplication.translate("CaseForm", u"\u9020\u6210\u7684\u635f\u5931\uff1b\u6ca1\u6709\u635f\u5931\u53ef\u4e0d\u586b", None))
        self.loss_amount_label.setText(QCoreApplication.translate("CaseForm", u"\u635f\u5931\u91d1\u989d(&M)", None))
        self.loss_amount_edit.setPlaceholderText(QCoreApplication.translate("CaseForm", u"\u5355\u4f4d\uff1a\u5143\uff0c\u5982 1200.50\uff1b\u53ef\u4e0d\u586b", None))
        self.loss_amount_error.setText("")
        self.impact_label.setText(QCoreApplication.translate("CaseForm", u"\u4e0d\u826f\u5f71\u54cd(&I)", None))
        self.impact_edit.setPlaceholderText(QCoreApplication.translate("CaseForm", u"\u5bf9\u5f53\u4e8b\u4eba\u3001\u7fa4\u4f17\u6216\u653f\u5e9c\u5f62\u8c61\u7684\u5f71\u54cd", None))
        self.remedial_actions_label.setText(QCoreApplication.translate("CaseForm", u"\u8865\u6551\u63aa\u65bd(&R)", None))
        self.remedial_actions_edit.setPlaceholderText(QCoreApplication.translate("CaseForm", u"\u5df2\u91c7\u53d6\u7684\u7ea0\u6b63\u3001\u633d\u56de\u635f\u5931\u3001\u6d88\u9664\u5f71\u54cd\u7684\u63aa\u65bd", None))
        self.tabs.setTabText(self.tabs.indexOf(self.facts_tab), QCoreApplication.translate("CaseForm", u"\u4e8b\u5b9e\u7ecf\u8fc7(&2)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attachments_tab), QCoreApplication.translate("CaseForm", u"\u9644\u4ef6(&3)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.history_tab), QCoreApplication.translate("CaseForm", u"\u529e\u7406\u8bb0\u5f55(&4)", None))
        self.form_error.setText("")
    # retranslateUi

