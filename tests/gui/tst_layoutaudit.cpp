// The layout audit of issue 14: every screen of the app (tests/gui/audit/*screens.cpp) opened at
// 1024x768 and 1920x1080 in English, German and French, with the app's style sheet, must pass
// every check of tests/support/layoutaudit.h (no widget smaller than its minimum, no text cut off,
// touch targets >= 44 px, no overlapping or cut-off widgets, no shared mnemonic) and fit the
// screen. With STOREDESK_SCREENSHOT_DIR set (the _gallery tests, under Xvfb) each screen is also
// saved as <name>-<language>-<width>x<height>.png, and in English also in the high-contrast theme
// (…-high-contrast.png), audited there too.
//
// Environment: STOREDESK_AUDIT_SCREENS=1024x768,1920x1080 and STOREDESK_AUDIT_LANGUAGES=en,de,fr
// choose the rows. ctest runs one process per screen size whose (offscreen or Xvfb) screen has
// exactly that size, so a dialog that sizes itself from its screen is measured as on that till.

#include "audit/auditscreens.h"
#include "common/style.h"
#include "common/translations.h"
#include "layoutaudit.h"

#include <QApplication>
#include <QDir>
#include <QMainWindow>
#include <QScreen>
#include <QTest>
#include <QTranslator>

namespace storedesk::test::audit {
QList<AuditScreen> styleScreens(); // the harness's own: every role, tone and control on one page
}

using namespace storedesk;
using namespace storedesk::test::audit;

namespace {

QList<AuditScreen> allScreens()
{
    return styleScreens() + sessionScreens() + saleScreens() + paymentScreens() + refundScreens() +
           receiptScreens() + tillScreens() + tillReportScreens() + customerDisplayScreens();
}

QList<QSize> screenSizes()
{
    const QString only = qEnvironmentVariable("STOREDESK_AUDIT_SCREENS");
    QList<QSize> sizes;
    for (const QString& size :
         only.isEmpty() ? QStringList{QStringLiteral("1024x768"), QStringLiteral("1920x1080")}
                        : only.split(QLatin1Char(','))) {
        const QStringList parts = size.split(QLatin1Char('x'));
        if (parts.size() == 2)
            sizes << QSize(parts[0].toInt(), parts[1].toInt());
    }
    return sizes;
}

QStringList languages()
{
    const QString only = qEnvironmentVariable("STOREDESK_AUDIT_LANGUAGES");
    return only.isEmpty()
               ? QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr")}
               : only.split(QLatin1Char(','));
}

void useLanguage(const QString& language)
{
    for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    const QLocale locale(language == QLatin1String("en")   ? QStringLiteral("en_GB")
                         : language == QLatin1String("de") ? QStringLiteral("de_DE")
                                                           : QStringLiteral("fr_FR"));
    QLocale::setDefault(locale);
    ui::installTranslations(qApp, locale);
}

} // namespace

class TestLayoutAudit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        ui::style::install(qApp);
        const QList<QSize> sizes = screenSizes();
        const QSize screen = QGuiApplication::primaryScreen()->size();
        if (sizes.size() != 1 || sizes.first() != screen)
            qWarning("The screen is %dx%d: a dialog that sizes itself from the screen is measured "
                     "there. ctest runs each size on a screen of that size.",
                     screen.width(), screen.height());
    }

    void audit_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QSize>("screen");
        QTest::addColumn<QString>("language");
        const QList<AuditScreen> screens = allScreens();
        for (qsizetype i = 0; i < screens.size(); ++i) {
            for (const QSize size : screenSizes()) {
                for (const QString& language : languages())
                    QTest::addRow("%s-%s-%dx%d", qPrintable(screens[i].name), qPrintable(language),
                                  size.width(), size.height())
                        << int(i) << size << language;
            }
        }
    }

    void audit()
    {
        QFETCH(int, index);
        QFETCH(QSize, screen);
        QFETCH(QString, language);
        useLanguage(language);
        const AuditScreen entry = allScreens().at(index);

        std::unique_ptr<QWidget> widget = entry.open(ScreenRequest{screen});
        QVERIFY2(widget, "the screen's state was not reached");
        if (qobject_cast<QMainWindow*>(widget.get()))
            widget->resize(screen);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
        // Layouts settle in posted events; let them run before measuring.
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();

        QStringList problems =
            test::layoutProblems(widget.get()) + test::windowProblems(widget.get(), screen);

        const QString folder = qEnvironmentVariable("STOREDESK_SCREENSHOT_DIR");
        const QString stem = QStringLiteral("%1/%2-%3-%4x%5")
                                 .arg(folder, entry.name, language)
                                 .arg(screen.width())
                                 .arg(screen.height());
        if (!folder.isEmpty()) {
            QDir().mkpath(folder);
            QVERIFY(widget->grab().save(stem + QStringLiteral(".png")));
        }
        // The high-contrast theme has the same sizes; the gallery shows it (English only) and the
        // audit checks that it still fits.
        if (!folder.isEmpty() && language == QLatin1String("en")) {
            ui::style::install(qApp, ui::style::Theme::HighContrast);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            QCoreApplication::processEvents();
            for (const QString& problem : test::layoutProblems(widget.get()))
                problems << QStringLiteral("high contrast: ") + problem;
            const bool saved = widget->grab().save(stem + QStringLiteral("-high-contrast.png"));
            ui::style::install(qApp, ui::style::Theme::Standard);
            QVERIFY(saved);
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestLayoutAudit)
#include "tst_layoutaudit.moc"
