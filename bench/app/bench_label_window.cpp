// An informative second reference for the app's start-up: bench_bare_window plus one line of text
// in a QLabel. The bare window draws no text, so it loads neither the font configuration
// (fontconfig) nor Qt's font database, a font engine or a shaper before its first frame; any window
// with words pays those first, and this one pays nothing else. Reported beside
// the ratio against the bare window, never instead of it.
#include "firstframe.h"

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QWidget window;
    window.setMinimumSize(800, 560);
    window.setWindowTitle(QStringLiteral("label"));
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(QStringLiteral("Log in to StoreDesk"), &window));
    window.show();
    storedesk::app::afterFirstFrame(&window, [] {
        std::puts("first frame");
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    return QApplication::exec();
}
