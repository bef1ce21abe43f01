#pragma once

#include "api/cartjobs.h"
#include "api/paymentjobs.h"

#include <QLocale>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QSplitter;
class QPushButton;
class QTreeWidget;

namespace storedesk::api {
class ApiClient;
}

namespace storedesk::ui {

class CartView;
class DelayedBusy;

// Finding and showing a cart: a field for a cart id, key, QR/URL payload or customer e-mail (a
// scan anywhere in the window arrives through lookUp()), the store's recent carts or a customer's
// carts, and the open cart. One request at a time; a spinner after 300 ms, and Cancel.
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
    void cancel();
    void focusLookup();
    bool isBusy() const { return !m_job.isNull(); }

    // While `reason` is not empty the open cart stays on screen: opening another one shows the
    // reason instead (a payment for this cart is in progress). Refreshing it still works.
    void holdCart(const QString& reason) { m_holdReason = reason; }

    // The pane beside the cart (the payment panel).
    void setSidePanel(QWidget* panel);

    CartView* cartView() const { return m_view; }
    QLineEdit* lookupField() const { return m_lookup; }
    QTreeWidget* cartList() const { return m_list; }
    QLabel* message() const { return m_message; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* spinner() const { return m_spinner; }

signals:
    // The cart's balance as read with it; emitted just before cartShown().
    void balanceRead(const storedesk::api::CartBalance& balance);
    void cartShown(const QString& cartId);

private:
    // Lists the carts `query` finds; with openSingle, a single match is opened at once.
    void listCarts(const api::CartQuery& query, const QString& progress, bool openSingle);
    void run(api::ApiJob* job);
    void done();
    void showSummaries(const QList<api::CartSummary>& carts);
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
    QTreeWidget* m_list;
    CartView* m_view;
    QSplitter* m_splitter;
    DelayedBusy* m_busy;
};

} // namespace storedesk::ui
