#include "mainwindow.h"

#include "emptystatewidget.h"
#include "storedesk/version.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace storedesk::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_emptyState(new EmptyStateWidget(this))
    , m_connectionStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("StoreDesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/storedesk.svg")));
    setMinimumSize(800, 560);

    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setHeading(tr("No cart open"));
    m_emptyState->setHint(tr("This workstation is not set up yet. A manager connects it to the "
                             "integration server and picks the store, location and workstation."));
    setCentralWidget(m_emptyState);

    m_connectionStatus->setObjectName(QStringLiteral("connectionStatus"));
    m_connectionStatus->setTextFormat(Qt::PlainText);
    m_connectionStatus->setText(tr("Not connected"));
    m_connectionStatus->setAccessibleName(tr("Server connection"));
    statusBar()->addPermanentWidget(m_connectionStatus);

    createMenus();
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About StoreDesk"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setShortcut(QKeySequence(Qt::Key_F1));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("aboutBox"));
    box.setWindowTitle(tr("About StoreDesk"));
    box.setIconPixmap(windowIcon().pixmap(64, 64));
    box.setTextFormat(Qt::PlainText);
    box.setText(tr("StoreDesk %1").arg(applicationVersion()));
    box.setInformativeText(tr("Point of sale for store colleagues: carts, payments and refunds, "
                              "through your integration server."));
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
}

} // namespace storedesk::ui
