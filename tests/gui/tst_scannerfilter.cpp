#include "common/scannerfilter.h"

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using storedesk::ui::ScannerFilter;

// The keyboard-wedge scanner filter on real widgets: what is a scan, what is typing, and that
// typed keys still arrive where they were going.
class TestScannerFilter : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QWidget> m_window;
    QLineEdit* m_edit = nullptr;
    QLineEdit* m_other = nullptr;
    std::unique_ptr<ScannerFilter> m_filter;

    static void burst(QWidget* target, const QString& text)
    {
        for (const QChar c : text)
            QTest::keyClick(target, c.toLatin1());
    }

private slots:
    void init()
    {
        m_window = std::make_unique<QWidget>();
        auto* layout = new QVBoxLayout(m_window.get());
        m_edit = new QLineEdit(m_window.get());
        m_other = new QLineEdit(m_window.get());
        layout->addWidget(m_edit);
        layout->addWidget(m_other);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_edit->setFocus();
        m_filter = std::make_unique<ScannerFilter>();
        // Wider than a scanner needs, so that a loaded machine does not split a burst; the
        // "typed" keys below stay well apart from it.
        m_filter->setMaxGapMs(100);
        m_filter->setEnabled(true);
    }

    void cleanup()
    {
        m_filter.reset();
        m_window.reset();
    }

    void aFastBurstEndingInEnterIsAScan()
    {
        QSignalSpy scanned(m_filter.get(), &ScannerFilter::scanned);
        QSignalSpy returned(m_edit, &QLineEdit::returnPressed);
        burst(m_edit, QStringLiteral("4006381333931"));
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(scanned.count(), 1);
        QCOMPARE(scanned.first().first().toString(), QStringLiteral("4006381333931"));
        QVERIFY(m_edit->text().isEmpty()); // nothing landed in the focused field
        QCOMPARE(returned.count(), 0);
        QTest::qWait(100);
        QVERIFY(m_edit->text().isEmpty());
    }

    void slowTypingArrivesUnchanged()
    {
        QSignalSpy scanned(m_filter.get(), &ScannerFilter::scanned);
        QSignalSpy returned(m_edit, &QLineEdit::returnPressed);
        for (const QChar c : QStringLiteral("anna"))
            QTest::keyClick(m_edit, c.toLatin1(), Qt::NoModifier, 250);
        QTest::keyClick(m_edit, Qt::Key_Return, Qt::NoModifier, 250);
        QCOMPARE(m_edit->text(), QStringLiteral("anna"));
        QCOMPARE(returned.count(), 1);
        QCOMPARE(scanned.count(), 0);
    }

    void aBurstWithoutEnterIsReleasedAfterThePause()
    {
        QSignalSpy scanned(m_filter.get(), &ScannerFilter::scanned);
        burst(m_edit, QStringLiteral("pasted"));
        QVERIFY(m_edit->text().isEmpty()); // still held: it might be a scan
        QTRY_COMPARE(m_edit->text(), QStringLiteral("pasted"));
        QCOMPARE(scanned.count(), 0);
    }

    void tooShortIsNotAScan()
    {
        QSignalSpy scanned(m_filter.get(), &ScannerFilter::scanned);
        QSignalSpy returned(m_edit, &QLineEdit::returnPressed);
        burst(m_edit, QStringLiteral("ab"));
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(m_edit->text(), QStringLiteral("ab"));
        QCOMPARE(returned.count(), 1);
    }

    void heldKeysGoToTheWidgetTheyWereFor()
    {
        burst(m_other, QStringLiteral("xyz"));
        m_edit->setFocus();
        QTRY_COMPARE(m_other->text(), QStringLiteral("xyz"));
        QVERIFY(m_edit->text().isEmpty());
    }

    void aSecretTypedFastIsNeverAScan()
    {
        m_other->setEchoMode(QLineEdit::Password);
        m_other->setFocus();
        QSignalSpy scanned(m_filter.get(), &ScannerFilter::scanned);
        QSignalSpy returned(m_other, &QLineEdit::returnPressed);
        burst(m_other, QStringLiteral("max12345"));
        QCOMPARE(m_other->text(), QStringLiteral("max12345")); // not held back, not even briefly
        QTest::keyClick(m_other, Qt::Key_Return);
        QCOMPARE(scanned.count(), 0);
        QCOMPARE(returned.count(), 1);
    }

    // Issue 14: F12 acted while keys typed just before it were still held — the amount read
    // 31.15 with "10" in flight. A shortcut now finds the field as it was typed.
    void heldKeysArriveBeforeAShortcutActs()
    {
        QString seen;
        auto* pay = new QAction(m_window.get());
        pay->setShortcut(QKeySequence(Qt::Key_F12));
        m_window->addAction(pay);
        connect(pay, &QAction::triggered, this, [&] { seen = m_edit->text(); });
        m_edit->setText(QStringLiteral("31.15"));
        burst(m_edit, QStringLiteral("10"));
        QCOMPARE(m_edit->text(), QStringLiteral("31.15")); // held: it might be a scan
        QTest::keyClick(m_edit, Qt::Key_F12);
        QCOMPARE(seen, QStringLiteral("31.1510"));
        QCOMPARE(m_edit->text(), QStringLiteral("31.1510"));
    }

    // A tap on a tender button acts on the field as typed too.
    void heldKeysArriveBeforeAClick()
    {
        auto* button = new QPushButton(QStringLiteral("Card"), m_window.get());
        m_window->layout()->addWidget(button);
        QString seen;
        connect(button, &QPushButton::clicked, this, [&] { seen = m_edit->text(); });
        burst(m_edit, QStringLiteral("10"));
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(seen, QStringLiteral("10"));
    }

    void disabledFilterLetsEverythingThrough()
    {
        m_filter->setEnabled(false);
        QSignalSpy scanned(m_filter.get(), &ScannerFilter::scanned);
        burst(m_edit, QStringLiteral("123456"));
        QTest::keyClick(m_edit, Qt::Key_Return);
        QCOMPARE(m_edit->text(), QStringLiteral("123456"));
        QCOMPARE(scanned.count(), 0);
    }
};

QTEST_MAIN(TestScannerFilter)
#include "tst_scannerfilter.moc"
