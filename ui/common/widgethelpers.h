#pragma once

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

// Small constructors for the controls every screen uses, so that none is made without an object
// name (for tests) and an accessible name (for screen readers), and no label renders markup.
namespace storedesk::ui::widgets {

inline QLabel* plainLabel(QWidget* parent, const QString& objectName, const QString& accessibleName,
                          const QString& text = {})
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAccessibleName(accessibleName);
    label->setText(text);
    return label;
}

inline QLineEdit* lineEdit(QWidget* parent, const QString& objectName,
                           const QString& accessibleName, const QString& placeholder = {})
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

inline QLineEdit* secretEdit(QWidget* parent, const QString& objectName,
                             const QString& accessibleName)
{
    QLineEdit* edit = lineEdit(parent, objectName, accessibleName);
    edit->setEchoMode(QLineEdit::Password);
    // Keep the secret out of input methods' learning and the clipboard.
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    return edit;
}

inline QPushButton* button(QWidget* parent, const QString& objectName, const QString& text,
                           const QString& accessibleName = {})
{
    auto* pushButton = new QPushButton(text, parent);
    pushButton->setObjectName(objectName);
    pushButton->setAccessibleName(accessibleName.isEmpty() ? QString(text).remove(QLatin1Char('&'))
                                                           : accessibleName);
    return pushButton;
}

// Wipes a secret from a field (QLineEdit keeps no other copy once cleared).
inline void clearSecret(QLineEdit* edit)
{
    edit->setText(QString(edit->text().size(), QLatin1Char(' ')));
    edit->clear();
}

} // namespace storedesk::ui::widgets
