# Read by cpack for each generator it runs (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "WIX" OR CPACK_GENERATOR STREQUAL "DragNDrop")
    # The MSI and the DMG carry the app only; the server is a Linux service.
    set(CPACK_COMPONENTS_ALL app)
elseif(CPACK_GENERATOR STREQUAL "DEB")
    # Each package's summary is the first line of its component's description; CPack would put
    # the project's summary above it.
    unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
