#include "sale/pricecheckdialog.h"

#include "api/apiclient.h"
#include "api/pricecheckjob.h"
#include "common/style.h"
#include "common/widgethelpers.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPushButton>
#include <QScopeGuard>
#include <QVBoxLayout>

#include <algorithm>

namespace storedesk::ui {

PriceCheckDialog::PriceCheckDialog(api::ApiClient* client, const QString& storeKey,
                                   const QStringList& storeLanguages, const QLocale& locale,
                                   QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_storeKey(storeKey)
    , m_storeLanguages(storeLanguages)
    , m_locale(locale)
    , m_code(widgets::lineEdit(this, QStringLiteral("priceCheckCode"), tr("Product code"),
                               tr("Scan or type a SKU or EAN")))
    , m_check(widgets::button(this, QStringLiteral("priceCheckButton"), tr("Check &price")))
    , m_name(widgets::plainLabel(this, QStringLiteral("priceCheckName"), tr("Product")))
    , m_price(widgets::plainLabel(this, QStringLiteral("priceCheckPrice"), tr("Price")))
    , m_message(
          widgets::plainLabel(this, QStringLiteral("priceCheckMessage"), tr("Price check message")))
{
    setObjectName(QStringLiteral("priceCheckDialog"));
    setWindowTitle(tr("Price check"));
    setAccessibleName(tr("Price check"));
    style::setRole(m_name, style::Role::Large);
    style::setRole(m_price, style::Role::Display);
    m_price->setWordWrap(false);

    auto* form = new QFormLayout;
    form->addRow(tr("&Code:"), m_code);
    form->addRow(QString(), m_check);
    form->addRow(tr("Product:"), m_name);
    form->addRow(tr("Price:"), m_price);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    // Enter checks the price: "Check price" is the default button and Close never becomes it
    // (a dialog makes its first auto-default button the default, which was Close, so Enter
    // closed the dialog before the price could show). Esc closes.
    close->setAutoDefault(false);
    m_check->setAutoDefault(false);
    m_check->setDefault(true);
    connect(m_check, &QPushButton::clicked, this, [this] { check(m_code->text()); });
    resize(std::max(480, sizeHint().width()), sizeHint().height());
}

void PriceCheckDialog::check(const QString& code)
{
    const QString sku = code.trimmed();
    if (sku.isEmpty()) {
        m_message->setText(tr("Scan or type a product code."));
        return;
    }
    m_code->setText(sku);
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    auto* job = m_client->priceCheck(m_storeKey, sku);
    m_job = job;
    connect(job, &api::ApiJob::finished, this, [this, job] {
        m_job = nullptr;
        // The answer (a price in display type, a message) may need more room than the question:
        // measured once the layout has taken the new texts (queued behind its request).
        const auto fit = qScopeGuard([this] {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    const int needed =
                        hasHeightForWidth() ? heightForWidth(width()) : sizeHint().height();
                    if (needed > height())
                        resize(width(), needed);
                },
                Qt::QueuedConnection);
        });
        const auto result = job->result();
        if (!result) {
            m_name->clear();
            m_price->clear();
            m_message->setText(result.error().toDisplayString());
            return;
        }
        m_name->setText(result->name.value(m_locale, m_storeLanguages));
        if (result->price) {
            m_price->setText(result->price->discounted
                                 ? tr("%1 (instead of %2)")
                                       .arg(result->price->discounted->toString(m_locale),
                                            result->price->value.toString(m_locale))
                                 : result->price->value.toString(m_locale));
            m_message->setText(tr("SKU %1").arg(result->sku));
        } else {
            m_price->setText(tr("no price"));
            m_message->setText(tr("This product has no price in this store."));
        }
    });
    m_message->setText(tr("Checking…"));
    job->start();
}

} // namespace storedesk::ui
