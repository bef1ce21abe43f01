#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace storedesk::bench {

// A cart document with `lines` line items in the shape of tests/fixtures/carts/rich-cart.json
// (its line items repeated with their own ids, SKUs, names and amounts; totals add up).
QByteArray cartBytes(int lines);

// Milliseconds per call of `work`: the median of several rounds, each long enough to be timed.
double millisecondsPerCall(const std::function<void()>& work);

// Prints "label: <a> ms vs <reference label> <b> ms = <ratio>× (goal ≤ <goal>×)" and returns the
// ratio; the line starts with "RATIO" so a script can pick it out.
double printRatio(const QString& label, double milliseconds, const QString& referenceLabel,
                  double referenceMilliseconds, double goal);

} // namespace storedesk::bench
