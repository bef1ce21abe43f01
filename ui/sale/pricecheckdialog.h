#pragma once

#include <QDialog>
#include <QLocale>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace storedesk::api {
class ApiClient;
class ApiJob;
} // namespace storedesk::api

namespace storedesk::ui {

// Scan or type a product code; shows the product's name and its price in this store.
class PriceCheckDialog : public QDialog {
    Q_OBJECT

public:
    PriceCheckDialog(api::ApiClient* client, const QString& storeKey,
                     const QStringList& storeLanguages, const QLocale& locale,
                     QWidget* parent = nullptr);

    void check(const QString& code);

    QLineEdit* code() const { return m_code; }
    QLabel* productName() const { return m_name; }
    QLabel* price() const { return m_price; }
    QLabel* message() const { return m_message; }

private:
    QPointer<api::ApiClient> m_client;
    QString m_storeKey;
    QStringList m_storeLanguages;
    QLocale m_locale;
    QPointer<api::ApiJob> m_job;
    QLineEdit* m_code;
    QPushButton* m_check;
    QLabel* m_name;
    QLabel* m_price;
    QLabel* m_message;
};

} // namespace storedesk::ui
