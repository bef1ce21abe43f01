#include "lookup/cartcode.h"

#include <QTest>

using storedesk::lookup::CartCode;

class TestCartCode : public QObject {
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("value");
        const QString id = QStringLiteral("3f2a9c1e-5b7d-4c1e-9a8f-3d2e1b0c9a87");
        const auto row = [](const char* name, const QString& text, CartCode::Kind kind,
                            const QString& value) {
            QTest::newRow(name) << text << int(kind) << value;
        };
        row("uuid", id, CartCode::Kind::CartId, id);
        row("uuid upper case, scanner CR", id.toUpper() + QStringLiteral("\r"),
            CartCode::Kind::CartId, id);
        row("url query", QStringLiteral("https://shop.example.com/pos?cart=") + id,
            CartCode::Kind::CartId, id);
        row("url path", QStringLiteral("https://shop.example.com/stores/x/carts/") + id,
            CartCode::Kind::CartId, id);
        row("qr payload", QStringLiteral("storedesk:cart:") + id, CartCode::Kind::CartId, id);
        row("key", QStringLiteral("berlin-mitte-simple"), CartCode::Kind::CartKey,
            QStringLiteral("berlin-mitte-simple"));
        row("email", QStringLiteral(" anna.schmidt@example.com "), CartCode::Kind::CustomerEmail,
            QStringLiteral("anna.schmidt@example.com"));
        row("empty", QString(), CartCode::Kind::Invalid, QString());
        row("one character", QStringLiteral("x"), CartCode::Kind::Invalid, QString());
        row("spaces inside", QStringLiteral("not a code"), CartCode::Kind::Invalid, QString());
        row("two different ids",
            id + QStringLiteral(" ") + QStringLiteral("11111111-2222-3333-4444-555555555555"),
            CartCode::Kind::Invalid, QString());
        row("path traversal", QStringLiteral("../../session"), CartCode::Kind::Invalid, QString());
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, value);
        const CartCode code = CartCode::parse(text);
        QCOMPARE(int(code.kind), kind);
        QCOMPARE(code.value, value);
    }
};

QTEST_GUILESS_MAIN(TestCartCode)
#include "tst_cartcode.moc"
