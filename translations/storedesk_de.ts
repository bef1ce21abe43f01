<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>storedesk::JsonObjectReader</name>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>Text erwartet</translation>
    </message>
    <message>
        <source>expected an integer</source>
        <translation>ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>integer out of range (beyond 64 bits)</source>
        <translation>ganze Zahl außerhalb des Bereichs (mehr als 64 Bit)</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true oder false erwartet</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>Liste erwartet</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>Objekt erwartet</translation>
    </message>
    <message>
        <source>malformed JSON at byte %1: %2</source>
        <translation>fehlerhaftes JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>JSON-Objekt erwartet</translation>
    </message>
</context>
<context>
    <name>storedesk::Money</name>
    <message>
        <source>the amount is too large</source>
        <translation>der Betrag ist zu groß</translation>
    </message>
    <message>
        <source>unknown currency &quot;%1&quot;</source>
        <translation>unbekannte Währung „%1“</translation>
    </message>
    <message>
        <source>%1 amounts need between %2 and %3 fraction digits</source>
        <translation>Beträge in %1 brauchen %2 bis %3 Nachkommastellen</translation>
    </message>
    <message>
        <source>expected &quot;centPrecision&quot; or &quot;highPrecision&quot;</source>
        <translation>„centPrecision“ oder „highPrecision“ erwartet</translation>
    </message>
    <message>
        <source>cannot combine %1 with %2</source>
        <translation>%1 und %2 können nicht verrechnet werden</translation>
    </message>
    <message>
        <source>no currency</source>
        <translation>keine Währung</translation>
    </message>
    <message>
        <source>an amount can only be split into one or more parts</source>
        <translation>ein Betrag lässt sich nur in einen oder mehrere Teile aufteilen</translation>
    </message>
    <message>
        <source>cannot compare %1 with %2</source>
        <translation>%1 und %2 können nicht verglichen werden</translation>
    </message>
</context>
<context>
    <name>storedesk::Order</name>
    <message>
        <source>a return item names exactly one of lineItemId and customLineItemId</source>
        <translation>eine Rückgabeposition nennt genau eines von lineItemId und customLineItemId</translation>
    </message>
</context>
<context>
    <name>storedesk::Reference</name>
    <message>
        <source>a reference needs an id or a key</source>
        <translation>ein Verweis braucht eine ID oder einen Schlüssel</translation>
    </message>
    <message>
        <source>expected a reference to a &quot;%1&quot;, got %2</source>
        <translation>Verweis auf „%1“ erwartet, erhalten: %2</translation>
    </message>
</context>
<context>
    <name>storedesk::StoreKey</name>
    <message>
        <source>a store key has %1 to %2 characters from A-Z, a-z, 0-9, &apos;_&apos; and &apos;-&apos;</source>
        <translation>ein Filialschlüssel hat %1 bis %2 Zeichen aus A–Z, a–z, 0–9, „_“ und „-“</translation>
    </message>
    <message>
        <source>the store key is empty: %1</source>
        <translation>der Filialschlüssel ist leer: %1</translation>
    </message>
    <message>
        <source>%1 is not a valid store key: %2</source>
        <translation>%1 ist kein gültiger Filialschlüssel: %2</translation>
    </message>
</context>
<context>
    <name>storedesk::TaxPortion</name>
    <message>
        <source>expected a rate between 0 and 1</source>
        <translation>Satz zwischen 0 und 1 erwartet</translation>
    </message>
</context>
<context>
    <name>storedesk::api::ServerUrl</name>
    <message>
        <source>Enter the server address as a full URL, for example https://pos.example.com/storedesk/v1.</source>
        <translation>Geben Sie die Serveradresse als vollständige URL ein, zum Beispiel https://pos.example.com/storedesk/v1.</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>Die Serveradresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>The connection to %1 would not be encrypted. Use https://; plain http:// is only allowed for this computer (localhost).</source>
        <translation>Die Verbindung zu %1 wäre nicht verschlüsselt. Verwenden Sie https://; einfaches http:// ist nur für diesen Computer (localhost) erlaubt.</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>Die Serveradresse darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>The server address must not contain &apos;?&apos; or &apos;#&apos; parts.</source>
        <translation>Die Serveradresse darf keine Teile mit „?“ oder „#“ enthalten.</translation>
    </message>
</context>
<context>
    <name>storedesk::app::CommandLine</name>
    <message>
        <source>StoreDesk: point of sale for store colleagues.</source>
        <translation>StoreDesk: Kassensystem für Filialmitarbeiter.</translation>
    </message>
    <message>
        <source>Log debug output of every storedesk.* category to stderr (QT_LOGGING_RULES can narrow it).</source>
        <translation>Debug-Ausgaben aller storedesk.*-Kategorien nach stderr protokollieren (QT_LOGGING_RULES kann sie eingrenzen).</translation>
    </message>
    <message>
        <source>Use this language and number format (e.g. de_DE, fr_FR).</source>
        <translation>Diese Sprache und dieses Zahlenformat verwenden (z. B. de_DE, fr_FR).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>Unknown locale: %1</source>
        <translation>Unbekanntes Gebietsschema: %1</translation>
    </message>
</context>
<context>
    <name>storedesk::fields</name>
    <message>
        <source>expected an ISO 8601 date and time, got %1</source>
        <translation>Datum und Uhrzeit nach ISO 8601 erwartet, erhalten: %1</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>darf nicht negativ sein</translation>
    </message>
    <message>
        <source>unknown value %1 (expected one of %2)</source>
        <translation>unbekannter Wert %1 (erwartet: einer von %2)</translation>
    </message>
    <message>
        <source>expected %1 like the rest of the document, got %2</source>
        <translation>%1 wie im übrigen Dokument erwartet, erhalten: %2</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::MainWindow</name>
    <message>
        <source>StoreDesk</source>
        <translation>StoreDesk</translation>
    </message>
    <message>
        <source>No cart open</source>
        <translation>Kein Warenkorb geöffnet</translation>
    </message>
    <message>
        <source>This workstation is not set up yet. A manager connects it to the integration server and picks the store, location and workstation.</source>
        <translation>Dieser Arbeitsplatz ist noch nicht eingerichtet. Eine Filialleitung verbindet ihn mit dem Integrationsserver und wählt Filiale, Standort und Arbeitsplatz.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Server connection</source>
        <translation>Serververbindung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About StoreDesk</source>
        <translation>&amp;Über StoreDesk</translation>
    </message>
    <message>
        <source>About StoreDesk</source>
        <translation>Über StoreDesk</translation>
    </message>
    <message>
        <source>StoreDesk %1</source>
        <translation>StoreDesk %1</translation>
    </message>
    <message>
        <source>Point of sale for store colleagues: carts, payments and refunds, through your integration server.</source>
        <translation>Kassensystem für Filialmitarbeiter: Warenkörbe, Zahlungen und Erstattungen über Ihren Integrationsserver.</translation>
    </message>
</context>
</TS>
