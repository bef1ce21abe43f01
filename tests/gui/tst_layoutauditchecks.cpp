// The layout audit's checks (tests/support/layoutaudit.h) on small hand-made widgets: each check is
// seen failing on the defect it is for, and passing once the defect is gone.
#include "common/style.h"
#include "layoutaudit.h"

#include <QCheckBox>
#include <QDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTest>
#include <QVBoxLayout>

using namespace storedesk;
using test::layoutProblems;

namespace {

// The first problem that mentions `part`, or an empty string.
QString problemAbout(const QStringList& problems, const QString& part)
{
    for (const QString& problem : problems) {
        if (problem.contains(part))
            return problem;
    }
    return {};
}

bool show(QWidget& window)
{
    if (!window.layout())
        window.resize(600, 400); // children placed by hand: room for all of them
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

} // namespace

class TestLayoutAuditChecks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { ui::style::install(qApp); }

    void aWellLaidOutFormHasNoProblems()
    {
        QDialog dialog;
        auto* form = new QFormLayout(&dialog);
        auto* pin = new QLineEdit(&dialog);
        // A field's own icon action (the set-up dialog's lock) is the field's part, not a target.
        pin->addAction(QIcon(QStringLiteral(":/icons/lock.svg")), QLineEdit::TrailingPosition);
        auto* label = new QLabel(QStringLiteral("&PIN"), &dialog);
        label->setBuddy(pin);
        form->addRow(label, pin);
        form->addRow(new QPushButton(QStringLiteral("&Unlock"), &dialog));
        QVERIFY(show(dialog));
        QCOMPARE(layoutProblems(&dialog), QStringList());
        QCOMPARE(test::windowProblems(&dialog, QSize(1024, 768)), QStringList());
    }

    void aClippedLabel()
    {
        QWidget window;
        auto* label = new QLabel(QStringLiteral("The connection to the server was lost"), &window);
        label->setObjectName(QStringLiteral("status"));
        label->setGeometry(0, 0, 60, 40);
        QVERIFY(show(window));
        QVERIFY2(
            !problemAbout(layoutProblems(&window), QStringLiteral("status QLabel cuts its text"))
                 .isEmpty(),
            qPrintable(layoutProblems(&window).join(QLatin1Char('\n'))));

        label->resize(label->sizeHint().width(), 40);
        QCOMPARE(layoutProblems(&window), QStringList());
    }

    // A word-wrapped label squeezed below the height its lines need.
    void aWrappedLabelTooShort()
    {
        QWidget window;
        auto* label = new QLabel(QStringLiteral("The card was declined. Ask for another card or "
                                                "take the payment in cash."),
                                 &window);
        label->setObjectName(QStringLiteral("declined"));
        label->setWordWrap(true);
        label->setGeometry(0, 0, 120, 20);
        QVERIFY(show(window));
        QVERIFY(!problemAbout(layoutProblems(&window), QStringLiteral("declined QLabel wraps"))
                     .isEmpty());
        label->resize(120, label->heightForWidth(120));
        QCOMPARE(problemAbout(layoutProblems(&window), QStringLiteral("wraps")), QString());
    }

    // A label whose code elides the text on purpose passes when the whole text is its tool tip.
    void anElidedLabelNeedsItsToolTip()
    {
        QWidget window;
        auto* name =
            new QLabel(QStringLiteral("Espressotasse aus Porzellan, handbemalt, 6 Stück"), &window);
        name->setObjectName(QStringLiteral("productName"));
        name->setGeometry(0, 0, 80, 40);
        ui::style::markElided(name);
        QVERIFY(show(window));
        QVERIFY(!problemAbout(layoutProblems(&window), QStringLiteral("without the whole text"))
                     .isEmpty());
        name->setToolTip(name->text());
        QCOMPARE(layoutProblems(&window), QStringList());
    }

    // The lock page of issue 14: "Another user" fields about 4 px high.
    void aTinyField()
    {
        QWidget window;
        auto* field = new QLineEdit(&window);
        field->setObjectName(QStringLiteral("otherUser"));
        // The sheet's min-height would hold the field at 44 px: a layout squeezing it is what the
        // lock page did.
        field->setStyleSheet(QStringLiteral("QLineEdit { min-height: 0; }"));
        field->setGeometry(0, 0, 200, 4);
        QVERIFY(show(window));
        const QStringList problems = layoutProblems(&window);
        QVERIFY(
            !problemAbout(problems, QStringLiteral("otherUser QLineEdit is 200x4, smaller than"))
                 .isEmpty());
        QVERIFY(!problemAbout(problems, QStringLiteral("less than a touch target")).isEmpty());
    }

    // A button a colleague taps that is drawable but too small to hit: not smaller than its own
    // minimum (no sheet on it), only below the 44 px of a touch target.
    void aButtonBelowTheTouchTarget()
    {
        QWidget window;
        auto* button = new QPushButton(QStringLiteral("OK"), &window);
        button->setObjectName(QStringLiteral("ok"));
        button->setStyleSheet(QStringLiteral("QPushButton { min-height: 0; padding: 0 4px; }"));
        button->setGeometry(0, 0, 120, 30);
        QVERIFY(show(window));
        QVERIFY(button->minimumSizeHint().height() <= 30);
        QCOMPARE(layoutProblems(&window),
                 QStringList{QStringLiteral("ok QPushButton is 30 px high, less than a touch "
                                            "target (44 px)")});
        button->setGeometry(0, 0, 120, test::minimumTouchTarget);
        QCOMPARE(layoutProblems(&window), QStringList());
    }

    void aButtonCuttingItsText()
    {
        QWidget window;
        auto* button = new QPushButton(QStringLiteral("Take over as another user"), &window);
        button->setObjectName(QStringLiteral("takeOver"));
        button->setGeometry(0, 0, 90, 48);
        QVERIFY(show(window));
        QVERIFY(!problemAbout(layoutProblems(&window), QStringLiteral("takeOver QPushButton cuts"))
                     .isEmpty());
        button->resize(button->sizeHint().width(), 48);
        QCOMPARE(layoutProblems(&window), QStringList());
    }

    void overlappingSiblings()
    {
        QWidget window;
        auto* first = new QLabel(QStringLiteral("Total"), &window);
        first->setObjectName(QStringLiteral("total"));
        auto* second = new QLabel(QStringLiteral("Paid"), &window);
        second->setObjectName(QStringLiteral("paid"));
        first->setGeometry(0, 0, 100, 30);
        second->setGeometry(50, 10, 100, 30);
        QVERIFY(show(window));
        QCOMPARE(layoutProblems(&window),
                 QStringList{QStringLiteral("total QLabel and paid QLabel overlap")});
        second->move(0, 40);
        QCOMPARE(layoutProblems(&window), QStringList());
    }

    // A child placed beyond its parent's edge is cut there.
    void aChildReachingOutOfItsParent()
    {
        QWidget window;
        window.resize(300, 200);
        auto* panel = new QWidget(&window);
        panel->setObjectName(QStringLiteral("panel"));
        panel->setGeometry(0, 0, 100, 100);
        auto* label = new QLabel(QStringLiteral("Open"), panel);
        label->setObjectName(QStringLiteral("open"));
        label->setGeometry(60, 0, 80, 30);
        QVERIFY(show(window));
        QVERIFY(!problemAbout(layoutProblems(&window),
                              QStringLiteral("open QLabel reaches outside panel QWidget"))
                     .isEmpty());
        label->move(0, 0);
        QCOMPARE(layoutProblems(&window), QStringList());
    }

    void twoButtonsWithOneMnemonic()
    {
        QWidget window;
        auto* layout = new QHBoxLayout(&window);
        auto* card = new QPushButton(QStringLiteral("&Card"), &window);
        card->setObjectName(QStringLiteral("card"));
        auto* cash = new QPushButton(QStringLiteral("&Cash"), &window);
        cash->setObjectName(QStringLiteral("cash"));
        layout->addWidget(card);
        layout->addWidget(cash);
        QVERIFY(show(window));
        QCOMPARE(layoutProblems(&window),
                 QStringList{QStringLiteral("card QPushButton and cash QPushButton share the "
                                            "mnemonic C")});
        cash->setText(QStringLiteral("Ca&sh"));
        QCOMPARE(layoutProblems(&window), QStringList());
    }

    // A label in a form layout gives its buddy a mnemonic: it must not collide with a button's,
    // and its '&' is not drawn, so it does not count for the width.
    void aFormLabelsMnemonicCollidesWithAButton()
    {
        QWidget window;
        auto* form = new QFormLayout(&window);
        auto* amount = new QLineEdit(&window);
        auto* label = new QLabel(QStringLiteral("&Amount"), &window);
        label->setObjectName(QStringLiteral("amountLabel"));
        label->setBuddy(amount);
        form->addRow(label, amount);
        auto* apply = new QPushButton(QStringLiteral("&Apply"), &window);
        apply->setObjectName(QStringLiteral("apply"));
        form->addRow(apply);
        QVERIFY(show(window));
        QCOMPARE(layoutProblems(&window),
                 QStringList{QStringLiteral("amountLabel QLabel and apply QPushButton share the "
                                            "mnemonic A")});
        apply->setText(QStringLiteral("A&pply"));
        QCOMPARE(layoutProblems(&window), QStringList());
    }

    // What a scroll area or a tab holds is the screen's own content: audited like the rest.
    void contentInsideAScrollAreaAndTabIsAudited()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* scroll = new QScrollArea(&window);
        auto* content = new QWidget;
        auto* tiny = new QLineEdit(content);
        tiny->setObjectName(QStringLiteral("inScroll"));
        tiny->setStyleSheet(QStringLiteral("QLineEdit { min-height: 0; }"));
        tiny->setGeometry(0, 0, 100, 6);
        content->resize(200, 200);
        scroll->setWidget(content);
        layout->addWidget(scroll);
        auto* tabs = new QTabWidget(&window);
        auto* page = new QWidget;
        auto* check = new QCheckBox(QStringLiteral("Print a receipt"), page);
        check->setObjectName(QStringLiteral("inTab"));
        check->setGeometry(0, 0, 30, 20);
        tabs->addTab(page, QStringLiteral("Options"));
        layout->addWidget(tabs);
        window.resize(400, 400);
        QVERIFY(show(window));
        const QStringList problems = layoutProblems(&window);
        QVERIFY2(!problemAbout(problems, QStringLiteral("inScroll QLineEdit")).isEmpty(),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(!problemAbout(problems, QStringLiteral("inTab QCheckBox")).isEmpty(),
                 qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // The window must fit the till's screen, and be able to.
    void aDialogLargerThanTheScreen()
    {
        QDialog dialog;
        dialog.setObjectName(QStringLiteral("setup"));
        dialog.resize(1100, 500);
        QCOMPARE(test::windowProblems(&dialog, QSize(1920, 1080)), QStringList());
        QCOMPARE(test::windowProblems(&dialog, QSize(1024, 768)),
                 QStringList{QStringLiteral("the window setup QDialog is 1100x500, larger than "
                                            "the 1024x768 screen")});
        dialog.resize(600, 500);
        dialog.setMinimumSize(1030, 400);
        QVERIFY(!problemAbout(test::windowProblems(&dialog, QSize(1024, 768)),
                              QStringLiteral("needs at least 1030x"))
                     .isEmpty());
    }
};

QTEST_MAIN(TestLayoutAuditChecks)
#include "tst_layoutauditchecks.moc"
