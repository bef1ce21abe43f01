#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace storedesk {

// A value or an error. C++20 has no std::expected; this is the small part of it we need. The
// error type is core's Error unless a layer has its own words for what goes wrong.
template <typename T, typename E = Error>
class Expected {
public:
    Expected(T value)
        : m_state(std::move(value))
    {
    }
    Expected(E error)
        : m_state(std::move(error))
    {
    }

    bool hasValue() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return hasValue(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const E& error() const { return std::get<E>(m_state); }

private:
    std::variant<T, E> m_state;
};

// Success without a value, or an error.
template <typename E>
class Expected<void, E> {
public:
    Expected() = default;
    Expected(E error)
        : m_error(std::move(error))
        , m_failed(true)
    {
    }

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }
    const E& error() const { return m_error; }

private:
    E m_error;
    bool m_failed = false;
};

} // namespace storedesk
