// The reference for the app's start-up: a bare Qt Widgets window of the main window's minimum size
// that quits at its first frame, detected the same way StoreDesk does under
// STOREDESK_EXIT_ON_FIRST_FRAME (app/firstframe.cpp).
#include "firstframe.h"

#include <QApplication>
#include <QWidget>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QWidget window;
    window.setMinimumSize(800, 560);
    window.setWindowTitle(QStringLiteral("bare"));
    window.show();
    storedesk::app::afterFirstFrame(&window, [] {
        std::puts("first frame");
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    return QApplication::exec();
}
