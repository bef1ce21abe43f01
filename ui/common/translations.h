#pragma once

#include <QLocale>

class QCoreApplication;

namespace storedesk::ui {

// Installs StoreDesk's own translation for `locale` (embedded under :/i18n) and Qt's for the
// standard dialogs. English needs none. Returns whether StoreDesk's translation was found.
bool installTranslations(QCoreApplication* application, const QLocale& locale);

} // namespace storedesk::ui
