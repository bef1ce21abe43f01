#pragma once

#include <functional>

class QWidget;

namespace storedesk::app {

// Calls `then` once, from the event loop, as soon as `window` has painted its first frame — or
// after `fallbackMs` if no frame comes (a platform that never exposes the window), so that what
// waits for the first frame is never left waiting for ever.
void afterFirstFrame(QWidget* window, std::function<void()> then, int fallbackMs = 2000);

} // namespace storedesk::app
