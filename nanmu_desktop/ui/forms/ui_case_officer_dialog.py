# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_officer_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CaseOfficerDialog(object):
    def setupUi(self, CaseOfficerDialog):
        if not CaseOfficerDialog.objectName():
            CaseOfficerDialog.setObjectName(u"CaseOfficerDialog")
        CaseOfficerDialog.resize(460, 300)
        self.main_layout = QVBoxLayout(CaseOfficerDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.officer_layout = QFormLayout()
        self.officer_layout.setObjectName(u"officer_layout")
        self.name_label = QLabel(CaseOfficerDialog)
        self.name_label.setObjectName(u"name_label")

        self.officer_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(CaseOfficerDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(50)

        self.officer_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error = QLabel(CaseOfficerDialog)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setWordWrap(True)

        self.officer_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.badge_number_label = QLabel(CaseOfficerDialog)
        self.badge_number_label.setObjectName(u"badge_number_label")

        self.officer_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.badge_number_label)

        self.badge_number_edit = QLineEdit(CaseOfficerDialog)
        self.badge_number_edit.setObjectName(u"badge_number_edit")
        self.badge_number_edit.setMaxLength(40)

        self.officer_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.badge_number_edit)

        self.badge_number_error = QLabel(CaseOfficerDialog)
        self.badge_number_error.setObjectName(u"badge_number_error")
        self.badge_number_error.setWordWrap(True)

        self.officer_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.badge_number_error)

        self.department_label = QLabel(CaseOfficerDialog)
        self.department_label.setObjectName(u"department_label")

        self.officer_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.department_label)

        self.department_combo = QComboBox(CaseOfficerDialog)
        self.department_combo.setObjectName(u"department_combo")

        self.officer_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.department_combo)

        self.department_error = QLabel(CaseOfficerDialog)
        self.department_error.setObjectName(u"department_error")
        self.department_error.setWordWrap(True)

        self.officer_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.department_error)

        self.post_label = QLabel(CaseOfficerDialog)
        self.post_label.setObjectName(u"post_label")

        self.officer_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.post_label)

        self.post_edit = QLineEdit(CaseOfficerDialog)
        self.post_edit.setObjectName(u"post_edit")
        self.post_edit.setMaxLength(50)

        self.officer_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.post_edit)

        self.ethnicity_label = QLabel(CaseOfficerDialog)
        self.ethnicity_label.setObjectName(u"ethnicity_label")

        self.officer_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.ethnicity_label)

        self.ethnicity_combo = QComboBox(CaseOfficerDialog)
        self.ethnicity_combo.setObjectName(u"ethnicity_combo")
        self.ethnicity_combo.setEditable(True)

        self.officer_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.ethnicity_combo)


        self.main_layout.addLayout(self.officer_layout)

        self.form_error = QLabel(CaseOfficerDialog)
        self.form_error.setObjectName(u"form_error")
        self.form_error.setWordWrap(True)

        self.main_layout.addWidget(self.form_error)

        self.button_box = QDialogButtonBox(CaseOfficerDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.badge_number_label.setBuddy(self.badge_number_edit)
        self.department_label.setBuddy(self.department_combo)
        self.post_label.setBuddy(self.post_edit)
        self.ethnicity_label.setBuddy(self.ethnicity_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CaseOfficerDialog)

        QMetaObject.connectSlotsByName(CaseOfficerDialog)
    # setupUi

    def retranslateUi(self, CaseOfficerDialog):
        CaseOfficerDialog.setWindowTitle(QCoreApplication.translate("CaseOfficerDialog", u"\u65b0\u589e\u6267\u6cd5\u4eba\u5458", None))
        self.name_label.setText(QCoreApplication.translate("CaseOfficerDialog", u"\u59d3\u540d(&N)", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("CaseOfficerDialog", u"\u5982\uff1a\u5173\u67d0\u67d0", None))
        self.name_error.setText("")
        self.badge_number_label.setText(QCoreApplication.translate("CaseOfficerDialog", u"\u6267\u6cd5\u8bc1\u53f7(&B)", None))
        self.badge_number_edit.setPlaceholderText(QCoreApplication.translate("CaseOfficerDialog", u"\u5982\uff1a15-0783-00012", None))
        self.badge_number_error.setText("")
        self.department_label.setText(QCoreApplication.translate("CaseOfficerDialog", u"\u79d1\u5ba4(&D)", None))
        self.department_error.setText("")
        self.post_label.setText(QCoreApplication.translate("CaseOfficerDialog", u"\u804c\u52a1(&P)", None))
        self.post_edit.setPlaceholderText(QCoreApplication.translate("CaseOfficerDialog", u"\u5982\uff1a\u6267\u6cd5\u961f\u5458", None))
        self.ethnicity_label.setText(QCoreApplication.translate("CaseOfficerDialog", u"\u6c11\u65cf(&E)", None))
        self.form_error.setText("")
    # retranslateUi

