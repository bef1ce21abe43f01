#pragma once

#include "api/cartjobs.h"
#include "api/paymentjobs.h"

#include <QLocale>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::ui {

class CartView;
class CounterBody;
class DelayedBusy;

// Finding and showing a cart: a field for a cart id, key, QR/URL payload or customer e-mail on
// top (a scan anywhere in the window arrives through lookUp()), the open cart with the width
// (about 60 %) and the side panel (payment) on the right. The store's recent carts or a
// customer's carts take the side panel's place only while a colleague picks one (F3 or a
// customer lookup); picking one, or Esc, closes the list and the side panel is back. One request at
// a time; a spinner after 300 ms, and Cancel.
class CartWorkspace : public QWidget {
    Q_OBJECT

public:
    CartWorkspace(api::ApiClient* client, QWidget* parent = nullptr);

    void setStore(const QString& storeKey, const QStringList& storeLanguages);
    void setLocale(const QLocale& locale) { m_locale = locale; }

    // Looks up whatever `text` names (see lookup::CartCode).
    void lookUp(const QString& text);
    void openCart(const QString& cartId);
    void refresh();    // the open cart again
    void showRecent(); // the store's most recently changed carts
    // Stops the running request; without one, closes the list of carts.
    void cancel();
    void focusLookup();
    bool isListShown() const;
    void hideList();
    bool isBusy() const { return !m_job.isNull(); }

    // While `reason` is not empty the open cart stays on screen: opening another one shows the
    // reason instead (a payment for this cart is in progress). Refreshing it still works.
    void holdCart(const QString& reason) { m_holdReason = reason; }

    // The pane beside the cart (the payment panel).
    void setSidePanel(QWidget* panel);

    CartView* cartView() const { return m_view; }
    QLineEdit* lookupField() const { return m_lookup; }
    QTreeWidget* cartList() const { return m_list; }
    QWidget* listPanel() const { return m_listPanel; }
    QLabel* message() const { return m_message; }
    // Clears what the lookup said about the last cart (next customer).
    void clearMessage() { say({}); }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* spinner() const { return m_spinner; }

signals:
    // The cart's balance as read with it; emitted just before cartShown().
    void balanceRead(const storedesk::api::CartBalance& balance);
    void cartShown(const QString& cartId);

private:
    // Lists the carts `query` finds; with openSingle, a single match is opened at once.
    void listCarts(const api::CartQuery& query, const QString& progress, const QString& heading,
                   bool openSingle);
    void run(api::ApiJob* job);
    void done();
    void showSummaries(const QList<api::CartSummary>& carts, const QString& heading);
    void showList(const QString& heading);
    void say(const QString& message);
    void fail(const api::ApiError& error);

    QPointer<api::ApiClient> m_client;
    QString m_storeKey;
    QStringList m_storeLanguages;
    QLocale m_locale;
    QPointer<api::ApiJob> m_job;
    QString m_holdReason;

    QLineEdit* m_lookup;
    QPushButton* m_find;
    QPushButton* m_recent;
    QPushButton* m_refresh;
    QProgressBar* m_spinner;
    QPushButton* m_cancel;
    QLabel* m_message;
    QPointer<QWidget> m_side; // the payment panel
    QWidget* m_listPanel;
    QLabel* m_listHeading;
    QPushButton* m_hideList;
    QTreeWidget* m_list;
    CartView* m_view;
    CounterBody* m_body;
    DelayedBusy* m_busy;
};

} // namespace storedesk::ui
