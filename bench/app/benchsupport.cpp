#include "benchsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace storedesk::bench {

QByteArray cartBytes(int lines)
{
    QFile file(QStringLiteral(STOREDESK_CART_FIXTURE));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", STOREDESK_CART_FIXTURE);
    QJsonObject cart = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray shapes = cart.value(QLatin1StringView("lineItems")).toArray();
    const QString currency = cart.value(QLatin1StringView("totalPrice"))
                                 .toObject()
                                 .value(QLatin1StringView("currencyCode"))
                                 .toString();

    const auto money = [&currency](qint64 cents) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("centPrecision")},
                           {QStringLiteral("currencyCode"), currency},
                           {QStringLiteral("centAmount"), cents},
                           {QStringLiteral("fractionDigits"), 2}};
    };
    QJsonArray items;
    qint64 total = 0;
    for (int i = 0; i < lines; ++i) {
        QJsonObject item = shapes.at(i % shapes.size()).toObject();
        const QString n = QString::number(i + 1);
        item.insert(
            QStringLiteral("id"),
            QStringLiteral("a1000000-0000-4000-8000-%1").arg(i + 1, 12, 10, QLatin1Char('0')));
        QJsonObject name = item.value(QLatin1StringView("name")).toObject();
        for (auto it = name.begin(); it != name.end(); ++it)
            it.value() = it.value().toString() + QLatin1Char(' ') + n;
        item.insert(QStringLiteral("name"), name);
        QJsonObject variant = item.value(QLatin1StringView("variant")).toObject();
        variant.insert(QStringLiteral("sku"),
                       variant.value(QLatin1StringView("sku")).toString() + QLatin1Char('-') + n);
        item.insert(QStringLiteral("variant"), variant);
        // Amounts that differ from line to line, so that text widths differ too.
        const qint64 quantity = 1 + i % 7;
        const qint64 unit = 99 + (qint64(i) * 7919) % 250000;
        QJsonObject price = item.value(QLatin1StringView("price")).toObject();
        price.insert(QStringLiteral("value"), money(unit));
        price.remove(QStringLiteral("discounted"));
        item.insert(QStringLiteral("price"), price);
        item.insert(QStringLiteral("quantity"), quantity);
        item.remove(QStringLiteral("discountedPricePerQuantity"));
        const qint64 lineTotal = unit * quantity;
        item.insert(QStringLiteral("totalPrice"), money(lineTotal));
        QJsonObject taxed = item.value(QLatin1StringView("taxedPrice")).toObject();
        if (!taxed.isEmpty()) {
            const qint64 net = lineTotal * 100 / 107;
            taxed.insert(QStringLiteral("totalNet"), money(net));
            taxed.insert(QStringLiteral("totalGross"), money(lineTotal));
            taxed.insert(QStringLiteral("totalTax"), money(lineTotal - net));
            QJsonArray portions = taxed.value(QLatin1StringView("taxPortions")).toArray();
            if (!portions.isEmpty()) {
                QJsonObject portion = portions.at(0).toObject();
                portion.insert(QStringLiteral("amount"), money(lineTotal - net));
                portions = QJsonArray{portion};
            }
            taxed.insert(QStringLiteral("taxPortions"), portions);
            item.insert(QStringLiteral("taxedPrice"), taxed);
        }
        total += lineTotal;
        items.append(item);
    }
    cart.insert(QStringLiteral("lineItems"), items);
    cart.insert(QStringLiteral("customLineItems"), QJsonArray());
    cart.insert(QStringLiteral("totalPrice"), money(total));
    cart.remove(QStringLiteral("taxedPrice"));
    cart.remove(QStringLiteral("paymentInfo"));
    return QJsonDocument(cart).toJson(QJsonDocument::Compact);
}

double millisecondsPerCall(const std::function<void()>& work)
{
    work(); // warm up caches and lazily loaded things
    std::vector<double> rounds;
    QElapsedTimer total;
    total.start();
    while (rounds.size() < 5 || (rounds.size() < 50 && total.elapsed() < 1500)) {
        QElapsedTimer round;
        round.start();
        int calls = 0;
        do {
            work();
            ++calls;
        } while (round.nsecsElapsed() < 20'000'000);
        rounds.push_back(double(round.nsecsElapsed()) / 1e6 / calls);
    }
    std::sort(rounds.begin(), rounds.end());
    return rounds[rounds.size() / 2];
}

double printRatio(const QString& label, double milliseconds, const QString& referenceLabel,
                  double referenceMilliseconds, double goal)
{
    const double ratio = referenceMilliseconds > 0 ? milliseconds / referenceMilliseconds : 0;
    QTextStream(stdout) << "RATIO " << label << ": " << QString::number(milliseconds, 'f', 3)
                        << " ms vs " << referenceLabel << ' '
                        << QString::number(referenceMilliseconds, 'f', 3)
                        << " ms = " << QString::number(ratio, 'f', 2)
                        << "x (goal <= " << QString::number(goal, 'f', 2) << "x) "
                        << (ratio <= goal ? "met" : "NOT MET") << Qt::endl;
    return ratio;
}

} // namespace storedesk::bench
