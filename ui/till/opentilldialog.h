#pragma once

#include "api/apierror.h"
#include "flows/tillday.h"

#include <QDialog>
#include <QLocale>
#include <QPointer>

class QLabel;
class QPushButton;

namespace storedesk::ui {

class CountGrid;

// Opening the till: the colleague counts the float by denomination in the counting grid; when a
// manager has set an expected float for this workstation it is shown with the difference to the
// count as it grows. Open till (or Enter on the last row) hands the count to the flow; the dialog
// closes once the server has opened the session. A refusal says why and changes nothing; an
// unclear outcome is asked again with the same count (the same attempt).
class OpenTillDialog : public QDialog {
    Q_OBJECT

public:
    OpenTillDialog(flows::TillDay* till, const QLocale& locale = QLocale(),
                   QWidget* parent = nullptr);

    // What Open till does: hands the count to the flow.
    void openTill();

    CountGrid* grid() const { return m_grid; }
    QLabel* expectedFloat() const { return m_expected; }
    QLabel* difference() const { return m_difference; }
    QLabel* message() const { return m_message; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* cancelButton() const { return m_cancel; }

private:
    void updateDifference();
    void setBusy(bool busy);
    void showError(flows::TillDay::Operation operation, const api::ApiError& error, bool unknown);

    QPointer<flows::TillDay> m_till;
    QLocale m_locale;
    QLabel* m_intro;
    CountGrid* m_grid;
    QLabel* m_expected;
    QLabel* m_difference;
    QLabel* m_message;
    QPushButton* m_open;
    QPushButton* m_cancel;
};

} // namespace storedesk::ui
