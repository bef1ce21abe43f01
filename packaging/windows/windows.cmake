# Windows: the executable's icon, and the MSI (CPack WiX): per machine, with a fixed upgrade code so
# every version replaces the previous one, and the public properties IT sets on the msiexec line
# written to the policy key the app reads (windows/policy-properties.wxs).
set(storedesk_ico ${STOREDESK_ICON_DIR}/storedesk.ico)
add_custom_command(OUTPUT ${storedesk_ico}
    COMMAND storedesk-iconrender ico ${STOREDESK_ICON_SVG} ${storedesk_ico}
    DEPENDS storedesk-iconrender ${STOREDESK_ICON_SVG}
    VERBATIM)
add_custom_target(storedesk_icon_windows ALL DEPENDS ${storedesk_ico})
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/storedesk.rc "IDI_ICON1 ICON \"${storedesk_ico}\"\n")
target_sources(storedesk PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/storedesk.rc)
set_source_files_properties(${CMAKE_CURRENT_BINARY_DIR}/storedesk.rc
    DIRECTORY ${PROJECT_SOURCE_DIR}/app PROPERTIES OBJECT_DEPENDS ${storedesk_ico})
add_dependencies(storedesk storedesk_icon_windows)

set(CPACK_WIX_UPGRADE_GUID "6E3B7C52-2F0A-4C8E-9B41-5D7A0C3E8F15")
set(CPACK_WIX_INSTALL_SCOPE perMachine) # CMake 3.29+; older CPack is per machine anyway
set(CPACK_WIX_PRODUCT_ICON ${storedesk_ico})
set(CPACK_WIX_PROGRAM_MENU_FOLDER StoreDesk)
set(CPACK_WIX_PATCH_FILE ${CMAKE_CURRENT_LIST_DIR}/policy-properties.wxs)
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")

# windeployqt brings Qt's DLLs, not QtKeychain's.
install(FILES $<TARGET_FILE:Qt6Keychain::Qt6Keychain>
    DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT app)
