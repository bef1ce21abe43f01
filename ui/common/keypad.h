#pragma once

#include <QWidget>

class QPushButton;

namespace storedesk::ui {

// An on-screen numeric keypad for touch-only tills. A key press is delivered to the focused field
// as the key event a keyboard would send, so the field's own validation and the scanner filter
// treat touch and keyboard alike. The keys never take focus: the field keeps it.
class Keypad : public QWidget {
    Q_OBJECT

public:
    explicit Keypad(QWidget* parent = nullptr);

    // Amounts need the locale's decimal separator; PINs and quantities do not.
    void setDecimalKeyVisible(bool visible);
    QPushButton* key(Qt::Key key) const;

private:
    void press(Qt::Key key, const QString& text);

    QPushButton* m_decimal = nullptr;
};

} // namespace storedesk::ui
