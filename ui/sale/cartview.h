#pragma once

#include "api/paymentjobs.h"
#include "domain/cart.h"

#include <QLocale>
#include <QWidget>

class QLabel;
class QTableView;
class QFormLayout;

namespace storedesk::ui {

class CartLineDelegate;
class CartLinesModel;

// One cart as a colleague needs to see it at the till: who and what state, every line, the tax
// portions, and total, paid and open balance. Everything is shown as plain text.
class CartView : public QWidget {
    Q_OBJECT

public:
    explicit CartView(QWidget* parent = nullptr);

    void setCart(const Cart& cart, const QStringList& storeLanguages, const QLocale& locale);
    void clear();
    // What the server says is paid and open (once payments exist the cart alone cannot tell).
    void setBalance(const api::CartBalance& balance, const QLocale& locale);
    bool hasCart() const { return m_cart.has_value(); }
    const std::optional<Cart>& cart() const { return m_cart; }

    QTableView* lines() const { return m_lines; }
    CartLinesModel* model() const { return m_model; }
    CartLineDelegate* delegate() const { return m_delegate; }
    QString totalText() const;
    QString paidText() const;
    QString openBalanceText() const;
    QString stateText() const;

    static QString stateName(Cart::State state);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fitColumns();
    void layOutLinesNow();
    void applyFonts();

    QLabel* m_title;
    QLabel* m_customer;
    QLabel* m_state;
    QTableView* m_lines;
    CartLinesModel* m_model;
    CartLineDelegate* m_delegate;
    QLabel* m_taxes;
    QLabel* m_total;
    QLabel* m_paid;
    QLabel* m_open;
    std::optional<Cart> m_cart;
};

} // namespace storedesk::ui
