// The on-screen keypad (ui/common/keypad.h): a tap types into the focused field as a keyboard
// would, keys never take the focus, nothing is typed into another window, and keys stay between a
// touch target and a finger's reach whatever space the keypad gets.
#include "common/keypad.h"
#include "common/style.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

using namespace storedesk;
using storedesk::ui::Keypad;

class TestKeypad : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { ui::style::install(qApp); }

    void tapsTypeIntoTheFocusedField()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* field = new QLineEdit(&window);
        auto* keypad = new Keypad(&window);
        layout->addWidget(field);
        layout->addWidget(keypad);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());

        for (Qt::Key key : {Qt::Key_1, Qt::Key_2, Qt::Key_Period, Qt::Key_5})
            QTest::mouseClick(keypad->key(key), Qt::LeftButton);
        QCOMPARE(field->text(), QStringLiteral("12.5"));
        QTest::mouseClick(keypad->key(Qt::Key_Backspace), Qt::LeftButton);
        QCOMPARE(field->text(), QStringLiteral("12."));
        QVERIFY(field->hasFocus()); // the keys never took it
    }

    // A tap on this window's keypad never types into a field of another window.
    void neverTypesIntoAnotherWindow()
    {
        Keypad keypad;
        keypad.show();
        QVERIFY(QTest::qWaitForWindowExposed(&keypad));
        // Another window (a dialog, a customer display) is active with its field focused.
        QWidget other;
        auto* otherField = new QLineEdit(&other);
        new QVBoxLayout(&other);
        other.layout()->addWidget(otherField);
        other.show();
        other.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&other));
        otherField->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), otherField);

        QTest::mouseClick(keypad.key(Qt::Key_7), Qt::LeftButton);
        QCOMPARE(otherField->text(), QString());
    }

    // Hiding the decimal key (PINs, quantities) keeps the digits where they were.
    void hiddenDecimalKeyKeepsItsCell()
    {
        Keypad keypad;
        keypad.resize(300, 300);
        keypad.show();
        QVERIFY(QTest::qWaitForWindowExposed(&keypad));
        const QRect zero = keypad.key(Qt::Key_0)->geometry();
        keypad.setDecimalKeyVisible(false);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCOMPARE(keypad.key(Qt::Key_0)->geometry(), zero);
    }

    // On a large screen the keys do not grow without end; on a small one they stay touchable.
    void keysStayBetweenATouchTargetAndAFingersReach_data()
    {
        QTest::addColumn<QSize>("space");
        QTest::newRow("tight") << QSize(200, 4 * ui::style::touchTarget + 3 * ui::style::spacing);
        QTest::newRow("large screen") << QSize(900, 900);
    }

    void keysStayBetweenATouchTargetAndAFingersReach()
    {
        QFETCH(QSize, space);
        Keypad keypad;
        keypad.resize(space);
        keypad.show();
        QVERIFY(QTest::qWaitForWindowExposed(&keypad));
        for (Qt::Key key : {Qt::Key_0, Qt::Key_5, Qt::Key_9, Qt::Key_Backspace}) {
            const int height = keypad.key(key)->height();
            QVERIFY2(height >= ui::style::touchTarget && height <= 64,
                     qPrintable(QStringLiteral("a key is %1 px high").arg(height)));
        }
        // The rows stay together: the gap between two rows is the grid's spacing.
        const int gap = keypad.key(Qt::Key_4)->geometry().top() -
                        keypad.key(Qt::Key_7)->geometry().bottom() - 1;
        QCOMPARE(gap, ui::style::spacing);
    }
};

QTEST_MAIN(TestKeypad)
#include "tst_keypad.moc"
