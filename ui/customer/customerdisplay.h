#pragma once

#include <QLocale>
#include <QPointer>
#include <QScreen>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QVBoxLayout;

namespace storedesk::flows {
class CustomerView;
}

namespace storedesk::ui {

// The customer display: a frameless top-level window, full screen on the screen the workstation's
// CustomerDisplayScreen names, presenting flows::CustomerView (what the customer may see; core
// decides). It has no focusable controls: the customer only reads it. Unplugged, it hides; plugged
// back, it shows again.
class CustomerDisplay : public QWidget {
    Q_OBJECT

public:
    explicit CustomerDisplay(flows::CustomerView* view, QWidget* parent = nullptr);

    // Puts the window on the screen of that QScreen::name() and shows it full screen there; with
    // no such screen (or an empty name) it stays hidden until one of that name is plugged in.
    void setScreenName(const QString& name);
    QString screenName() const { return m_screenName; }
    // The screen the window is on now; null while that screen is absent.
    QScreen* targetScreen() const { return m_target; }

    // For tests and the gallery: the page shown and its texts.
    QStackedWidget* pages() const { return m_pages; }
    QLabel* heading() const { return m_heading; }
    QLabel* changeDue() const { return m_change; }
    QLabel* orderNumber() const { return m_orderNumber; }
    QLabel* total() const { return m_total; }
    QLabel* paid() const { return m_paid; }
    QLabel* openBalance() const { return m_open; }
    QLabel* refundAmount() const { return m_refundAmount; }
    // The line rows shown now (the last lines of the cart that fit), each "quantity, name, total".
    QList<QList<QLabel*>> shownLines() const { return m_rows; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void present();
    void layOutLines();
    void place();
    QString tenderName(const QString& tender) const;

    QPointer<flows::CustomerView> m_view;
    QString m_screenName;
    QPointer<QScreen> m_target;

    QLabel* m_store = nullptr;
    QLabel* m_heading = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_idlePage = nullptr;
    QWidget* m_cartPage = nullptr;
    QWidget* m_messagePage = nullptr;
    QWidget* m_linesBox = nullptr;
    QVBoxLayout* m_linesLayout = nullptr;
    QLabel* m_earlier = nullptr;
    QList<QList<QLabel*>> m_rows;
    QLabel* m_welcome = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_paid = nullptr;
    QLabel* m_open = nullptr;
    QLabel* m_changeCaption = nullptr;
    QLabel* m_change = nullptr;
    QLabel* m_orderNumber = nullptr;
    QLabel* m_refundAmount = nullptr;
    QLabel* m_refundTenders = nullptr;
};

} // namespace storedesk::ui
