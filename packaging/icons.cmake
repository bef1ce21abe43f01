# The app icon's raster forms, rendered at build time by a small Qt Svg tool (tools/iconrender.cpp)
# so that no generated image is committed and every platform renders alike.
set(STOREDESK_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/storedesk.svg)
set(STOREDESK_ICON_SIZES 16 22 24 32 48 64 128 256)
set(STOREDESK_ICON_DIR ${CMAKE_CURRENT_BINARY_DIR}/icons)

add_executable(storedesk-iconrender tools/iconrender.cpp)
target_link_libraries(storedesk-iconrender PRIVATE Qt6::Gui Qt6::Svg)

set(icon_outputs "")
foreach(size IN LISTS STOREDESK_ICON_SIZES)
    list(APPEND icon_outputs ${STOREDESK_ICON_DIR}/${size}.png)
endforeach()
add_custom_command(OUTPUT ${icon_outputs}
    COMMAND storedesk-iconrender png ${STOREDESK_ICON_SVG} ${STOREDESK_ICON_DIR} ${STOREDESK_ICON_SIZES}
    DEPENDS storedesk-iconrender ${STOREDESK_ICON_SVG}
    COMMENT "Rendering the app icon at ${STOREDESK_ICON_SIZES} pixels"
    VERBATIM)
add_custom_target(storedesk_icon_images ALL DEPENDS ${icon_outputs})
