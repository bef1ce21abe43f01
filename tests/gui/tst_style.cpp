// The visual language (ui/common/style.h) as a colleague gets it: in both themes every text colour
// reads against the background (WCAG contrast), the high-contrast theme applies, and the touch
// targets and type scale hold once the style sheet is installed.
#include "common/lazyiconstyle.h"
#include "common/style.h"
#include "guitesting.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <memory>

using namespace storedesk;
using namespace storedesk::ui;

namespace {

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor& colour)
{
    auto channel = [](double value) {
        return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
           0.0722 * channel(colour.blueF());
}

double contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString describe(const QColor& text, const QColor& background)
{
    return QStringLiteral("%1 on %2: %3:1")
        .arg(text.name(), background.name())
        .arg(contrast(text, background), 0, 'f', 2);
}

// A shown window with the widgets polished by the installed sheet.
struct Page {
    QWidget window;
    QVBoxLayout* layout = new QVBoxLayout(&window);

    template <typename T>
    T* add(T* widget)
    {
        layout->addWidget(widget);
        return widget;
    }
    void show()
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
    }
};

} // namespace

class TestStyle : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { style::install(qApp, style::Theme::Standard); }

    void toneColoursReadOnTheBackground_data()
    {
        QTest::addColumn<style::Theme>("theme");
        QTest::addColumn<style::Tone>("tone");
        QTest::addColumn<double>("minimum");
        const std::pair<const char*, style::Tone> tones[] = {{"neutral", style::Tone::Neutral},
                                                             {"success", style::Tone::Success},
                                                             {"warning", style::Tone::Warning},
                                                             {"error", style::Tone::Error}};
        for (const auto& [name, tone] : tones) {
            QTest::addRow("standard-%s", name) << style::Theme::Standard << tone << 4.5;
            QTest::addRow("high-contrast-%s", name) << style::Theme::HighContrast << tone << 7.0;
        }
    }

    // The colour the label is drawn in (its palette once the sheet polished it) against the
    // window's background, as installed: not the constants, so a sheet that drops a token fails.
    void toneColoursReadOnTheBackground()
    {
        QFETCH(style::Theme, theme);
        QFETCH(style::Tone, tone);
        QFETCH(double, minimum);
        style::install(qApp, theme);
        Page page;
        auto* label = page.add(new QLabel(QStringLiteral("Paid")));
        style::setTone(label, tone);
        page.show();
        const QColor text = label->palette().color(label->foregroundRole());
        const QColor background = page.window.palette().color(QPalette::Window);
        QCOMPARE(text, style::toneColor(tone));
        QVERIFY2(contrast(text, background) >= minimum, qPrintable(describe(text, background)));
        QVERIFY2(contrast(text, style::colors().surface) >= minimum,
                 qPrintable(describe(text, style::colors().surface)));
    }

    void everyTextColourReads_data()
    {
        QTest::addColumn<style::Theme>("theme");
        QTest::addColumn<double>("minimum");
        QTest::newRow("standard") << style::Theme::Standard << 4.5;
        QTest::newRow("high-contrast") << style::Theme::HighContrast << 7.0;
    }

    void everyTextColourReads()
    {
        QFETCH(style::Theme, theme);
        QFETCH(double, minimum);
        const style::Colors& c = style::colorsOf(theme);
        for (const QColor& background : {c.background, c.surface}) {
            for (const QColor& text :
                 {c.text, c.mutedText, c.disabledText, c.accent, c.success, c.warning, c.error})
                QVERIFY2(contrast(text, background) >= minimum,
                         qPrintable(describe(text, background)));
            // Outlines are not text: WCAG asks 3:1 for the parts of a control one must see.
            QVERIFY2(contrast(c.border, background) >= 3.0,
                     qPrintable(describe(c.border, background)));
        }
        QVERIFY2(contrast(c.onAccent, c.accent) >= minimum,
                 qPrintable(describe(c.onAccent, c.accent)));
    }

    void captionAndPrimaryUseTheTheme()
    {
        style::install(qApp, style::Theme::Standard);
        Page page;
        auto* caption = page.add(new QLabel(QStringLiteral("SD-1001")));
        style::setRole(caption, style::Role::Caption);
        auto* primary = page.add(new QPushButton(QStringLiteral("Pay")));
        style::setRole(primary, style::Role::Primary);
        page.show();
        QCOMPARE(caption->palette().color(caption->foregroundRole()), style::colors().mutedText);
        // The accent fill, read from what is drawn: the pixel in the middle of the button's left
        // padding.
        const QImage image = primary->grab().toImage();
        QCOMPARE(QColor(image.pixel(8, image.height() / 2)), style::colors().accent);
    }

    // The high-contrast theme (a setting or IT's HighContrast policy) changes the palette and the
    // sheet's colours; switching back restores the standard theme.
    void highContrastApplies()
    {
        test::TestConfig files("[General]\nHighContrast=true\n");
        const config::WorkstationConfig config = files.make();
        QCOMPARE(style::themeFor(config), style::Theme::HighContrast);
        style::install(qApp, style::themeFor(config));
        QCOMPARE(style::installedTheme(), style::Theme::HighContrast);

        Page page;
        auto* plain = page.add(new QLabel(QStringLiteral("Total")));
        auto* error = page.add(new QLabel(QStringLiteral("Declined")));
        style::setTone(error, style::Tone::Error);
        auto* field = page.add(new QLineEdit);
        page.show();
        QCOMPARE(page.window.palette().color(QPalette::Window), QColor(Qt::black));
        QCOMPARE(plain->palette().color(plain->foregroundRole()), QColor(Qt::white));
        QCOMPARE(error->palette().color(error->foregroundRole()),
                 style::colorsOf(style::Theme::HighContrast).error);
        QCOMPARE(field->palette().color(QPalette::Base), QColor(Qt::black));
        const QImage image = page.window.grab().toImage();
        QCOMPARE(QColor(image.pixel(1, 1)), QColor(Qt::black));

        style::install(qApp, style::Theme::Standard);
        QCOMPARE(style::themeFor(test::TestConfig().make()), style::Theme::Standard);
        QTRY_COMPARE(plain->palette().color(plain->foregroundRole()),
                     style::colorsOf(style::Theme::Standard).text);
        QCOMPARE(page.window.palette().color(QPalette::Window),
                 style::colorsOf(style::Theme::Standard).background);
    }

    // Everything a colleague acts on is at least 44 px high (56 for tenders), and the type scale
    // is 15 / 20 / 44 px, in both themes.
    void touchTargetsAndTypeScale_data()
    {
        QTest::addColumn<style::Theme>("theme");
        QTest::newRow("standard") << style::Theme::Standard;
        QTest::newRow("high-contrast") << style::Theme::HighContrast;
    }

    void touchTargetsAndTypeScale()
    {
        QFETCH(style::Theme, theme);
        style::install(qApp, theme);
        Page page;
        auto* button = page.add(new QPushButton(QStringLiteral("Next customer")));
        auto* tender = page.add(new QPushButton(QStringLiteral("Cash F11")));
        style::setRole(tender, style::Role::Tender);
        auto* primary = page.add(new QPushButton(QStringLiteral("Refund")));
        style::setRole(primary, style::Role::Primary);
        QList<QWidget*> fields{page.add(new QLineEdit), page.add(new QComboBox),
                               page.add(new QSpinBox),
                               page.add(new QCheckBox(QStringLiteral("x")))};
        auto* base = page.add(new QLabel(QStringLiteral("line")));
        auto* large = page.add(new QLabel(QStringLiteral("Total")));
        style::setRole(large, style::Role::Large);
        auto* display = page.add(new QLabel(QStringLiteral("51,15 €")));
        style::setRole(display, style::Role::Display);
        page.show();

        for (QWidget* widget : QList<QWidget*>{button, primary} + fields)
            QVERIFY2(widget->height() >= style::touchTarget,
                     qPrintable(QStringLiteral("%1 is %2 px high")
                                    .arg(QString::fromLatin1(widget->metaObject()->className()))
                                    .arg(widget->height())));
        QVERIFY2(tender->height() >= style::tenderHeight,
                 qPrintable(QString::number(tender->height())));
        QCOMPARE(base->font().pixelSize(), style::basePx);
        QCOMPARE(large->font().pixelSize(), style::largePx);
        QCOMPARE(display->font().pixelSize(), style::displayPx);
    }

    // Fields and check boxes are outlined in the theme's border colour: in high contrast the
    // platform's outline (derived from a black window) vanished, and a field could not be seen.
    void fieldsAndCheckBoxesAreOutlined_data()
    {
        QTest::addColumn<style::Theme>("theme");
        QTest::newRow("standard") << style::Theme::Standard;
        QTest::newRow("high-contrast") << style::Theme::HighContrast;
    }

    void fieldsAndCheckBoxesAreOutlined()
    {
        QFETCH(style::Theme, theme);
        style::install(qApp, theme);
        Page page;
        QList<QWidget*> fields{page.add(new QLineEdit), page.add(new QComboBox),
                               page.add(new QSpinBox)};
        auto* check = page.add(new QCheckBox(QStringLiteral("Print a receipt")));
        page.show();
        const QColor border = style::colors().border;
        for (QWidget* field : fields) {
            const QImage image = field->grab().toImage();
            // A focused field shows the accent instead (the focus is visible).
            const QColor expected = field->hasFocus() ? style::colors().accent : border;
            QCOMPARE(QColor(image.pixel(field->width() / 2, 0)), expected);
        }
        // The indicator's outline, on the left edge of its box, half-way down.
        const QImage image = check->grab().toImage();
        bool outlined = false;
        for (int x = 0; x < 8 && !outlined; ++x)
            outlined = QColor(image.pixel(x, check->height() / 2)) == border;
        QVERIFY2(outlined, "the check box's indicator has no outline in the border colour");
        QVERIFY(contrast(border, style::colors().background) >= 3.0);
    }

    // A role or tone given while a screen is built (before its first polish) and one changed on
    // a shown widget both apply: the first is read at the first polish, the second re-polishes.
    void rolesAndTonesApplyBeforeAndAfterTheFirstPolish()
    {
        style::install(qApp, style::Theme::Standard);
        Page page;
        auto* heading = page.add(new QLabel(QStringLiteral("Log in")));
        style::setRole(heading, style::Role::Large);
        QVERIFY(!heading->testAttribute(Qt::WA_WState_Polished));
        auto* message = page.add(new QLabel(QStringLiteral("Logging in")));
        page.show();
        QCOMPARE(heading->font().pixelSize(), style::largePx);
        QCOMPARE(message->palette().color(message->foregroundRole()), style::colors().text);

        style::setTone(message, style::Tone::Error);
        QCOMPARE(message->palette().color(message->foregroundRole()), style::colors().error);
        style::setRole(heading, style::Role::Caption);
        QCOMPARE(heading->font().pixelSize(), 13);
    }

    // The base size is the application's font, not a sheet rule for every widget (`*`): such a
    // rule had every widget resolve a font of its own as it was styled (about 3 % of the app's
    // start-up), and overrode a font set on purpose, as the receipt's roll font is. A widget
    // without a role has the base size; one with a font of its own keeps it.
    void aFontSetOnPurposeKeepsItsSize()
    {
        style::install(qApp, style::Theme::Standard);
        Page page;
        auto* plain = page.add(new QLabel(QStringLiteral("line")));
        auto* roll = page.add(new QLabel(QStringLiteral("EUR 98.90")));
        QFont monospace = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        monospace.setPixelSize(11);
        roll->setFont(monospace);
        page.show();
        QCOMPARE(plain->font().pixelSize(), style::basePx);
        QCOMPARE(roll->font().pixelSize(), 11);
        QCOMPARE(roll->font().family(), monospace.family());
    }

    // No selector of the sheet matches every widget: each widget is matched against every such
    // rule as it is styled.
    void noRuleIsForEveryWidget()
    {
        style::install(qApp, style::Theme::Standard);
        QString sheet = qApp->styleSheet();
        sheet.remove(QRegularExpression(QStringLiteral(R"(/\*.*?\*/)"),
                                        QRegularExpression::DotMatchesEverythingOption));
        QVERIFY(!sheet.isEmpty());
        const QRegularExpression universal(QStringLiteral(R"((^|[,}])\s*\*)"));
        const QRegularExpressionMatch match = universal.match(sheet);
        QVERIFY2(!match.hasMatch(),
                 qPrintable(sheet.mid(match.capturedEnd() - 1, 40).simplified()));
    }

    // The menu bar's overflow arrow is read when first drawn (LazyIconStyle), and it is Fusion's
    // own arrow, in both directions, whatever asks for it.
    void overflowArrowsAreFusions()
    {
        style::install(qApp, style::Theme::Standard);
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        for (const QStyle::StandardPixmap arrow : {QStyle::SP_ToolBarHorizontalExtensionButton,
                                                   QStyle::SP_ToolBarVerticalExtensionButton}) {
            QVERIFY(LazyIconStyle::defers(arrow));
            const QIcon lazy = qApp->style()->standardIcon(arrow);
            const QIcon own = fusion->standardIcon(arrow);
            QVERIFY(!lazy.isNull());
            QCOMPARE(lazy.availableSizes(), own.availableSizes());
            for (const int size : {16, 32})
                QCOMPARE(lazy.pixmap(size).toImage(), own.pixmap(size).toImage());
        }
        QVERIFY(!LazyIconStyle::defers(QStyle::SP_DialogOkButton));

        // A menu bar too narrow for its menus shows the arrow, drawn.
        QWidget window;
        auto* bar = new QMenuBar(&window);
        for (int i = 0; i < 12; ++i)
            bar->addMenu(QStringLiteral("Menu number %1").arg(i));
        window.resize(300, 200);
        bar->setGeometry(0, 0, 300, bar->sizeHint().height());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* arrow = bar->findChild<QToolButton*>(QStringLiteral("qt_menubar_ext_button"));
        QVERIFY(arrow);
        QTRY_VERIFY(arrow->isVisible());
        QCOMPARE(
            arrow->icon().pixmap(16).toImage(),
            fusion->standardIcon(QStyle::SP_ToolBarHorizontalExtensionButton).pixmap(16).toImage());
    }

    // A keyboard user sees where the focus is: a focused button is drawn differently.
    void focusIsVisible()
    {
        style::install(qApp, style::Theme::Standard);
        Page page;
        auto* first = page.add(new QPushButton(QStringLiteral("Card")));
        auto* second = page.add(new QPushButton(QStringLiteral("Card")));
        page.show();
        page.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page.window));
        first->setFocus();
        QTRY_VERIFY(first->hasFocus());
        QVERIFY(first->grab().toImage() != second->grab().toImage());
        QCOMPARE(QColor(first->grab().toImage().pixel(first->width() / 2, 0)),
                 style::colors().accent);
    }
};

QTEST_MAIN(TestStyle)
#include "tst_style.moc"
