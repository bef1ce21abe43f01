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
    <message>
        <source>Enter an amount such as %1.</source>
        <translation>Geben Sie einen Betrag wie %1 ein.</translation>
    </message>
    <message>
        <source>%1 amounts have no decimals.</source>
        <translation>Beträge in %1 haben keine Nachkommastellen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has at most %n decimal.</source>
        <translation>
            <numerusform>%1 hat höchstens %n Nachkommastelle.</numerusform>
            <numerusform>%1 hat höchstens %n Nachkommastellen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has at most %n decimals.</source>
        <translation>
            <numerusform>%1 hat höchstens %n Nachkommastelle.</numerusform>
            <numerusform>%1 hat höchstens %n Nachkommastellen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>storedesk::Order</name>
    <message>
        <source>a return item names exactly one of lineItemId and customLineItemId</source>
        <translation>eine Rückgabeposition nennt genau eines von lineItemId und customLineItemId</translation>
    </message>
    <message>
        <source>expected an amount in the order&apos;s currency %1</source>
        <translation>Betrag in der Bestellwährung %1 erwartet</translation>
    </message>
</context>
<context>
    <name>storedesk::Receipt</name>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
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
    <name>storedesk::TillCount</name>
    <message>
        <source>A till cannot count %1.</source>
        <translation>Eine Kasse kann %1 nicht zählen.</translation>
    </message>
    <message>
        <source>%1 is not a note or coin of %2.</source>
        <translation>%1 ist kein Schein und keine Münze in %2.</translation>
    </message>
    <message>
        <source>Each note and coin may be counted once.</source>
        <translation>Jeder Schein und jede Münze darf nur einmal gezählt werden.</translation>
    </message>
    <message>
        <source>A count is between 0 and %1 pieces.</source>
        <translation>Eine Anzahl liegt zwischen 0 und %1 Stück.</translation>
    </message>
    <message>
        <source>A count lists its notes and coins.</source>
        <translation>Eine Zählung führt ihre Scheine und Münzen auf.</translation>
    </message>
    <message>
        <source>Each counted note or coin needs a whole value and count.</source>
        <translation>Jeder gezählte Schein und jede Münze braucht einen ganzzahligen Wert und eine ganze Anzahl.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::ApiError</name>
    <message>
        <source>The server address is not encrypted. Use https://; plain http:// is only allowed for this computer.</source>
        <translation>Die Serveradresse ist nicht verschlüsselt. Verwenden Sie https://; einfaches http:// ist nur für diesen Computer erlaubt.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified (certificate problem). The connection was refused; ask IT to check the server certificate.</source>
        <translation>Die Identität des Servers konnte nicht bestätigt werden (Zertifikatsproblem). Die Verbindung wurde abgelehnt; bitten Sie die IT, das Serverzertifikat zu prüfen.</translation>
    </message>
    <message>
        <source>The server sent an answer StoreDesk does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die StoreDesk nicht versteht.</translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Ihre Sitzung ist beendet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this here.</source>
        <translation>Das dürfen Sie hier nicht tun.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Nicht gefunden.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime. Refresh and try again.</source>
        <translation>Jemand anderes hat das inzwischen geändert. Aktualisieren Sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The commerce system is not answering. Try again in a moment.</source>
        <translation>Das Commerce-System antwortet nicht. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The server ran into a problem. Try again; if it persists, tell IT.</source>
        <translation>Auf dem Server ist ein Problem aufgetreten. Versuchen Sie es erneut; wenn es bleibt, informieren Sie die IT.</translation>
    </message>
    <message>
        <source>The server sent an answer StoreDesk does not understand (%1).</source>
        <translation>Der Server hat eine Antwort gesendet, die StoreDesk nicht versteht (%1).</translation>
    </message>
    <message>
        <source>%1 (reference: %2)</source>
        <translation>%1 (Referenz: %2)</translation>
    </message>
    <message>
        <source>The till is not open: cash can only be taken into an open till. Open the till (count the float), then try again.</source>
        <translation>Die Kasse ist nicht geöffnet: Bargeld kann nur in eine geöffnete Kasse genommen werden. Öffnen Sie die Kasse (Wechselgeld zählen) und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The till of this workstation is open already. Refresh to see it.</source>
        <translation>Die Kasse dieses Arbeitsplatzes ist bereits geöffnet. Aktualisieren Sie die Anzeige, um sie zu sehen.</translation>
    </message>
    <message>
        <source>A payment at this till is still under way. Finish it, then close the till.</source>
        <translation>An dieser Kasse läuft noch eine Zahlung. Schließen Sie sie ab und schließen Sie dann die Kasse.</translation>
    </message>
    <message>
        <source>The drawer does not hold that much cash. Check the amount.</source>
        <translation>So viel Bargeld ist nicht in der Kassenlade. Prüfen Sie den Betrag.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::CartJob</name>
    <message>
        <source>There is no such cart in this store.</source>
        <translation>In dieser Filiale gibt es keinen solchen Warenkorb.</translation>
    </message>
    <message>
        <source>This is not a cart code.</source>
        <translation>Das ist kein Warenkorb-Code.</translation>
    </message>
    <message>
        <source>This session may not open carts of this store.</source>
        <translation>Diese Sitzung darf keine Warenkörbe dieser Filiale öffnen.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::CloseTillJob</name>
    <message>
        <source>expected a Z report, got an X report</source>
        <translation>Z-Bericht erwartet, X-Bericht erhalten</translation>
    </message>
    <message>
        <source>The approval was refused: the manager&apos;s user name or secret is wrong, or they may not approve this here.</source>
        <translation>Die Genehmigung wurde abgelehnt: Benutzername oder Passwort/PIN der Führungskraft ist falsch, oder sie darf dies hier nicht genehmigen.</translation>
    </message>
    <message>
        <source>The difference between the count and the expected cash needs a manager&apos;s approval and a reason.</source>
        <translation>Die Differenz zwischen Zählung und Soll-Bargeld muss von einer Führungskraft mit Begründung genehmigt werden.</translation>
    </message>
    <message>
        <source>The till is not open (it may have been closed already). Refresh.</source>
        <translation>Die Kasse ist nicht geöffnet (vielleicht wurde sie schon geschlossen). Aktualisieren Sie die Anzeige.</translation>
    </message>
    <message>
        <source>The server refused the count or the reason. Check them and try again.</source>
        <translation>Der Server hat die Zählung oder die Begründung abgelehnt. Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This attempt to close the till was already used for another count.</source>
        <translation>Dieser Versuch, die Kasse zu schließen, wurde bereits für eine andere Zählung verwendet.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::FindCartsJob</name>
    <message>
        <source>Enter a cart key or a complete e-mail address.</source>
        <translation>Geben Sie einen Warenkorb-Schlüssel oder eine vollständige E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>This session may not search carts of this store.</source>
        <translation>Diese Sitzung darf keine Warenkörbe dieser Filiale suchen.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::LoginJob</name>
    <message>
        <source>The user name or the password/PIN is wrong.</source>
        <translation>Der Benutzername oder das Passwort/die PIN ist falsch.</translation>
    </message>
    <message>
        <source>This user is not set up to work in this store.</source>
        <translation>Dieser Benutzer ist nicht für diese Filiale eingerichtet.</translation>
    </message>
    <message>
        <source>The server does not serve the store this workstation is set up for. A manager must set the workstation up again.</source>
        <translation>Der Server bedient die Filiale nicht, für die dieser Arbeitsplatz eingerichtet ist. Eine Führungskraft muss den Arbeitsplatz neu einrichten.</translation>
    </message>
    <message>
        <source>The server refused the login: the user name, the password/PIN or the workstation is not valid.</source>
        <translation>Der Server hat die Anmeldung abgelehnt: Benutzername, Passwort/PIN oder Arbeitsplatz sind ungültig.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>storedesk::api::OpenTillJob</name>
    <message>
        <source>The server refused the count of the float. Check the counts and try again.</source>
        <translation>Der Server hat die Zählung des Wechselgelds abgelehnt. Prüfen Sie die Anzahlen und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This attempt to open the till was already used for another count.</source>
        <translation>Dieser Versuch, die Kasse zu öffnen, wurde bereits für eine andere Zählung verwendet.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::OrderLookupJob</name>
    <message>
        <source>There is no order with this number in this store.</source>
        <translation>In dieser Filiale gibt es keine Bestellung mit dieser Nummer.</translation>
    </message>
    <message>
        <source>This is not an order number.</source>
        <translation>Das ist keine Bestellnummer.</translation>
    </message>
    <message>
        <source>This session may not open orders of this store.</source>
        <translation>Diese Sitzung darf keine Bestellungen dieser Filiale öffnen.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::PaymentStatusJob</name>
    <message>
        <source>The server does not know this payment.</source>
        <translation>Der Server kennt diese Zahlung nicht.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::PlaceOrderJob</name>
    <message>
        <source>The cart is not paid in full yet, or it changed meanwhile.</source>
        <translation>Der Warenkorb ist noch nicht vollständig bezahlt oder wurde inzwischen geändert.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::PriceCheckJob</name>
    <message>
        <source>No product with this code is sold in this store.</source>
        <translation>In dieser Filiale wird kein Produkt mit diesem Code verkauft.</translation>
    </message>
    <message>
        <source>This is not a product code.</source>
        <translation>Das ist kein Produktcode.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::RefundJob</name>
    <message>
        <source>The approval was refused: the manager&apos;s user name or secret is wrong, or they may not approve refunds here.</source>
        <translation>Die Genehmigung wurde abgelehnt: Benutzername oder Passwort/PIN der Führungskraft ist falsch, oder sie darf hier keine Erstattungen genehmigen.</translation>
    </message>
    <message>
        <source>This refund needs a manager&apos;s approval.</source>
        <translation>Diese Erstattung muss von einer Führungskraft genehmigt werden.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n unit(s) of a line can still be refunded. Look the order up again.</source>
        <translation>
            <numerusform>Von einer Position kann nur noch %n Einheit erstattet werden. Suchen Sie die Bestellung erneut.</numerusform>
            <numerusform>Von einer Position können nur noch %n Einheiten erstattet werden. Suchen Sie die Bestellung erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused this refund as invalid. Look the order up again.</source>
        <translation>Der Server hat diese Erstattung als ungültig abgelehnt. Suchen Sie die Bestellung erneut.</translation>
    </message>
    <message>
        <source>This order cannot be refunded as chosen: it changed meanwhile, or there is no payment left to refund to. Look it up again.</source>
        <translation>Diese Bestellung kann nicht wie gewählt erstattet werden: Sie wurde inzwischen geändert, oder es gibt keine Zahlung mehr, auf die erstattet werden kann. Suchen Sie sie erneut.</translation>
    </message>
    <message>
        <source>There is no such order in this store.</source>
        <translation>In dieser Filiale gibt es keine solche Bestellung.</translation>
    </message>
    <message>
        <source>This session may not refund orders of this store.</source>
        <translation>Diese Sitzung darf keine Bestellungen dieser Filiale erstatten.</translation>
    </message>
    <message>
        <source>The payment provider declined the refund. No money moved.</source>
        <translation>Der Zahlungsdienstleister hat die Erstattung abgelehnt. Es wurde kein Geld bewegt.</translation>
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
    <name>storedesk::api::SetExpectedFloatJob</name>
    <message>
        <source>Only a manager of this store may set the expected float.</source>
        <translation>Nur eine Führungskraft dieser Filiale darf das Soll-Wechselgeld festlegen.</translation>
    </message>
    <message>
        <source>The server refused this amount as the expected float.</source>
        <translation>Der Server hat diesen Betrag als Soll-Wechselgeld abgelehnt.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::StartPaymentJob</name>
    <message>
        <source>Nothing is left to pay on this cart.</source>
        <translation>Für diesen Warenkorb ist nichts mehr zu bezahlen.</translation>
    </message>
    <message>
        <source>The amount is more than the open balance (%1).</source>
        <translation>Der Betrag übersteigt den offenen Betrag (%1).</translation>
    </message>
    <message>
        <source>This workstation does not take this tender.</source>
        <translation>Dieser Arbeitsplatz nimmt diese Zahlungsart nicht an.</translation>
    </message>
    <message>
        <source>There is no such cart in this store.</source>
        <translation>In dieser Filiale gibt es keinen solchen Warenkorb.</translation>
    </message>
    <message>
        <source>The payment is still being set up.</source>
        <translation>Die Zahlung wird noch vorbereitet.</translation>
    </message>
    <message>
        <source>This payment attempt was already used for another amount.</source>
        <translation>Dieser Zahlungsversuch wurde bereits für einen anderen Betrag verwendet.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::StoresJob</name>
    <message>
        <source>Only a manager can set a workstation up.</source>
        <translation>Nur eine Führungskraft kann einen Arbeitsplatz einrichten.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::TillMovementJob</name>
    <message>
        <source>The approval was refused: the manager&apos;s user name or secret is wrong, or they may not approve this here.</source>
        <translation>Die Genehmigung wurde abgelehnt: Benutzername oder Passwort/PIN der Führungskraft ist falsch, oder sie darf dies hier nicht genehmigen.</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s approval.</source>
        <translation>Dies muss von einer Führungskraft genehmigt werden.</translation>
    </message>
    <message>
        <source>The server refused this movement as invalid: check the amount, the reason and the bag number.</source>
        <translation>Der Server hat diese Bewegung als ungültig abgelehnt: Prüfen Sie Betrag, Grund und Beutelnummer.</translation>
    </message>
    <message>
        <source>This attempt was already used for another movement.</source>
        <translation>Dieser Versuch wurde bereits für eine andere Bewegung verwendet.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::TillReport</name>
    <message>
        <source>is not the sum of the count</source>
        <translation>ist nicht die Summe der Zählung</translation>
    </message>
    <message>
        <source>a no sale has no amount</source>
        <translation>eine Schubladenöffnung ohne Verkauf hat keinen Betrag</translation>
    </message>
    <message>
        <source>expected a positive amount</source>
        <translation>positiver Betrag erwartet</translation>
    </message>
    <message>
        <source>is not the total of floatCount</source>
        <translation>ist nicht die Summe von floatCount</translation>
    </message>
    <message>
        <source>is not the total of count</source>
        <translation>ist nicht die Summe von count</translation>
    </message>
    <message>
        <source>is not float + cash sales − cash refunds + pay-ins − pay-outs − safe drops</source>
        <translation>ist nicht Wechselgeld + Barverkäufe − Barerstattungen + Einlagen − Entnahmen − Abschöpfungen</translation>
    </message>
    <message>
        <source>is not counted − expected</source>
        <translation>ist nicht gezählt − Soll</translation>
    </message>
    <message>
        <source>expected a date (YYYY-MM-DD), got %1</source>
        <translation>Datum (JJJJ-MM-TT) erwartet, erhalten: %1</translation>
    </message>
</context>
<context>
    <name>storedesk::api::TillSessionsJob</name>
    <message>
        <source>Only a manager of this store may list its till sessions.</source>
        <translation>Nur eine Führungskraft dieser Filiale darf ihre Kassensitzungen auflisten.</translation>
    </message>
    <message>
        <source>The server does not know this store.</source>
        <translation>Der Server kennt diese Filiale nicht.</translation>
    </message>
    <message>
        <source>The server refused this day.</source>
        <translation>Der Server hat diesen Tag abgelehnt.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::TillStatusJob</name>
    <message>
        <source>This session may not use the till of this workstation. Log in at this workstation.</source>
        <translation>Diese Sitzung darf die Kasse dieses Arbeitsplatzes nicht verwenden. Melden Sie sich an diesem Arbeitsplatz an.</translation>
    </message>
    <message>
        <source>The server does not know this store or workstation.</source>
        <translation>Der Server kennt diese Filiale oder diesen Arbeitsplatz nicht.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::XReportJob</name>
    <message>
        <source>expected an X report, got a Z report</source>
        <translation>X-Bericht erwartet, Z-Bericht erhalten</translation>
    </message>
    <message>
        <source>The till is not open: there is no session to report on.</source>
        <translation>Die Kasse ist nicht geöffnet: Es gibt keine Sitzung für einen Bericht.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::ZReportJob</name>
    <message>
        <source>expected a Z report, got an X report</source>
        <translation>Z-Bericht erwartet, X-Bericht erhalten</translation>
    </message>
    <message>
        <source>There is no Z report for this session: it may still be open.</source>
        <translation>Für diese Sitzung gibt es keinen Z-Bericht: Sie ist vielleicht noch offen.</translation>
    </message>
    <message>
        <source>Only a manager, or a colleague at that workstation, may reprint this Z report.</source>
        <translation>Nur eine Führungskraft oder eine Kollegin bzw. ein Kollege an diesem Arbeitsplatz darf diesen Z-Bericht erneut drucken.</translation>
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
    <name>storedesk::config::WorkstationConfig</name>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Sperren nach Minuten ohne Eingabe</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>%1 is managed by your IT department and cannot be changed here.</source>
        <translation>%1 wird von Ihrer IT-Abteilung verwaltet und kann hier nicht geändert werden.</translation>
    </message>
    <message>
        <source>The settings cannot be written.</source>
        <translation>Die Einstellungen können nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Lock after 1 to %1 idle minutes.</source>
        <translation>Sperren nach 1 bis %1 Minuten ohne Eingabe.</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1.</source>
        <translation>Die Einstellungen konnten nicht in %1 gespeichert werden.</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <source>Characters per line</source>
        <translation>Zeichen pro Zeile</translation>
    </message>
    <message>
        <source>Cash drawer pin</source>
        <translation>Pin der Kassenlade</translation>
    </message>
    <message>
        <source>Cash drawer pulse (ms)</source>
        <translation>Impuls der Kassenlade (ms)</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Kundenanzeige</translation>
    </message>
    <message>
        <source>A receipt printer prints 42 or 48 characters per line.</source>
        <translation>Ein Bondrucker druckt 42 oder 48 Zeichen pro Zeile.</translation>
    </message>
    <message>
        <source>The cash drawer is on pin 2 or pin 5.</source>
        <translation>Die Kassenlade hängt an Pin 2 oder Pin 5.</translation>
    </message>
    <message>
        <source>The cash drawer pulse lasts 50 to 500 ms.</source>
        <translation>Der Impuls der Kassenlade dauert 50 bis 500 ms.</translation>
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
    <name>storedesk::flows::DeclineReason</name>
    <message>
        <source>Card declined by issuer.</source>
        <translation>Karte vom Kartenherausgeber abgelehnt.</translation>
    </message>
    <message>
        <source>Payment terminal unreachable.</source>
        <translation>Zahlungsterminal nicht erreichbar.</translation>
    </message>
    <message>
        <source>Payment provider unreachable.</source>
        <translation>Zahlungsdienstleister nicht erreichbar.</translation>
    </message>
    <message>
        <source>Cancelled before the terminal was asked.</source>
        <translation>Abgebrochen, bevor das Terminal angefragt wurde.</translation>
    </message>
    <message>
        <source>No answer from the payment provider yet.</source>
        <translation>Noch keine Antwort vom Zahlungsdienstleister.</translation>
    </message>
    <message>
        <source>The payment provider&apos;s answer could not be verified.</source>
        <translation>Die Antwort des Zahlungsdienstleisters konnte nicht überprüft werden.</translation>
    </message>
    <message>
        <source>The payment provider&apos;s answer could not be read.</source>
        <translation>Die Antwort des Zahlungsdienstleisters konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The payment provider refused the request (HTTP %1).</source>
        <translation>Der Zahlungsdienstleister hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The payment provider answered HTTP %1.</source>
        <translation>Der Zahlungsdienstleister hat mit HTTP %1 geantwortet.</translation>
    </message>
</context>
<context>
    <name>storedesk::flows::PaymentFlow</name>
    <message>
        <source>The payment was not started: StoreDesk cannot write to its data folder (%1).</source>
        <translation>Die Zahlung wurde nicht gestartet: StoreDesk kann nicht in seinen Datenordner schreiben (%1).</translation>
    </message>
    <message>
        <source>This payment was started with another server; StoreDesk cannot learn its outcome. Check the payment terminal or the cash drawer.</source>
        <translation>Diese Zahlung wurde mit einem anderen Server begonnen; StoreDesk kann ihr Ergebnis nicht erfahren. Prüfen Sie das Zahlungsterminal oder die Kassenlade.</translation>
    </message>
    <message>
        <source>The server no longer knows this payment; its outcome is unknown. Check the payment terminal or the cash drawer.</source>
        <translation>Der Server kennt diese Zahlung nicht mehr; ihr Ergebnis ist unbekannt. Prüfen Sie das Zahlungsterminal oder die Kassenlade.</translation>
    </message>
</context>
<context>
    <name>storedesk::flows::RefundDraft</name>
    <message>
        <source>Damaged or faulty</source>
        <translation>Beschädigt oder defekt</translation>
    </message>
    <message>
        <source>Wrong size or colour</source>
        <translation>Falsche Größe oder Farbe</translation>
    </message>
    <message>
        <source>Changed mind</source>
        <translation>Nicht mehr gewünscht</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>Entspricht nicht der Beschreibung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message numerus="yes">
        <source>Only %n unit(s) of this line can be refunded.</source>
        <translation>
            <numerusform>Von dieser Position kann nur %n Einheit erstattet werden.</numerusform>
            <numerusform>Von dieser Position können nur %n Einheiten erstattet werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>The line has no amount.</source>
        <translation>Die Position hat keinen Betrag.</translation>
    </message>
    <message>
        <source>No order is open.</source>
        <translation>Es ist keine Bestellung geöffnet.</translation>
    </message>
    <message>
        <source>Look an order up first.</source>
        <translation>Suchen Sie zuerst eine Bestellung.</translation>
    </message>
    <message>
        <source>Choose how many units of which lines to refund.</source>
        <translation>Wählen Sie, wie viele Einheiten welcher Positionen erstattet werden sollen.</translation>
    </message>
    <message>
        <source>Choose a reason for the refund.</source>
        <translation>Wählen Sie einen Grund für die Erstattung.</translation>
    </message>
</context>
<context>
    <name>storedesk::flows::RefundSession</name>
    <message>
        <source>Finish or cancel this refund before looking up another order.</source>
        <translation>Schließen Sie diese Erstattung ab oder brechen Sie sie ab, bevor Sie eine andere Bestellung suchen.</translation>
    </message>
    <message>
        <source>Scan the receipt or type the order number.</source>
        <translation>Scannen Sie den Beleg oder geben Sie die Bestellnummer ein.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Choose how many units to refund and a reason.</source>
        <translation>Wählen Sie, wie viele Einheiten erstattet werden sollen, und einen Grund.</translation>
    </message>
    <message>
        <source>Everything of this order has been refunded already.</source>
        <translation>Diese Bestellung wurde bereits vollständig erstattet.</translation>
    </message>
    <message>
        <source>Looking up order %1…</source>
        <translation>Bestellung %1 wird gesucht…</translation>
    </message>
    <message>
        <source>Not refunded: no manager approved it.</source>
        <translation>Nicht erstattet: Keine Führungskraft hat die Erstattung genehmigt.</translation>
    </message>
    <message>
        <source>Refunding…</source>
        <translation>Erstattung läuft…</translation>
    </message>
    <message>
        <source>Checking the approval…</source>
        <translation>Genehmigung wird geprüft…</translation>
    </message>
    <message>
        <source>Checking whether the refund went through… A refund is never paid out twice.</source>
        <translation>Es wird geprüft, ob die Erstattung durchgeführt wurde… Eine Erstattung wird nie doppelt ausgezahlt.</translation>
    </message>
    <message>
        <source>The refund is done.</source>
        <translation>Die Erstattung ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Not refunded yet: waiting for a manager&apos;s approval.</source>
        <translation>Noch nicht erstattet: Warten auf die Genehmigung einer Führungskraft.</translation>
    </message>
    <message>
        <source>Stopped checking. Whether the refund went through is not known yet: press Check outcome to ask again — it is never paid out twice.</source>
        <translation>Prüfung beendet. Ob die Erstattung durchgeführt wurde, ist noch nicht bekannt: Drücken Sie „Ergebnis prüfen“, um erneut nachzufragen – sie wird nie doppelt ausgezahlt.</translation>
    </message>
    <message>
        <source>%1 Whether the refund went through is not known yet: press Check outcome to ask again — it is never paid out twice.</source>
        <translation>%1 Ob die Erstattung durchgeführt wurde, ist noch nicht bekannt: Drücken Sie „Ergebnis prüfen“, um erneut nachzufragen – sie wird nie doppelt ausgezahlt.</translation>
    </message>
</context>
<context>
    <name>storedesk::flows::TillDay</name>
    <message>
        <source>StoreDesk is not connected to a server.</source>
        <translation>StoreDesk ist mit keinem Server verbunden.</translation>
    </message>
    <message>
        <source>The till is still waiting for the server. Try again when it has answered.</source>
        <translation>Die Kasse wartet noch auf den Server. Versuchen Sie es erneut, sobald er geantwortet hat.</translation>
    </message>
    <message>
        <source>Whether the till&apos;s last request went through is not known yet. Ask the server again first.</source>
        <translation>Ob die letzte Anfrage der Kasse durchgegangen ist, ist noch nicht bekannt. Fragen Sie zuerst erneut beim Server nach.</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>Geben Sie einen Betrag größer als null ein.</translation>
    </message>
    <message>
        <source>Enter the number of the safe bag.</source>
        <translation>Geben Sie die Nummer des Tresorbeutels ein.</translation>
    </message>
    <message numerus="yes">
        <source>Give a reason for the difference (at most %n character(s)).</source>
        <translation>
            <numerusform>Geben Sie einen Grund für die Differenz an (höchstens %n Zeichen).</numerusform>
            <numerusform>Geben Sie einen Grund für die Differenz an (höchstens %n Zeichen).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>storedesk::hardware::EscPosPrinter</name>
    <message>
        <source>The receipt printer cannot be reached. Check that it is switched on and connected.</source>
        <translation>Der Bondrucker ist nicht erreichbar. Prüfen Sie, ob er eingeschaltet und angeschlossen ist.</translation>
    </message>
    <message>
        <source>The receipt printer is offline.</source>
        <translation>Der Bondrucker ist offline.</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper.</source>
        <translation>Im Bondrucker ist kein Papier mehr.</translation>
    </message>
    <message>
        <source>The receipt printer&apos;s cover is open.</source>
        <translation>Die Abdeckung des Bondruckers ist offen.</translation>
    </message>
    <message>
        <source>The receipt printer does not answer.</source>
        <translation>Der Bondrucker antwortet nicht.</translation>
    </message>
    <message>
        <source>The receipt could not be sent to the printer.</source>
        <translation>Der Kassenbon konnte nicht an den Drucker gesendet werden.</translation>
    </message>
</context>
<context>
    <name>storedesk::hardware::PrinterAddress</name>
    <message>
        <source>%1 Use &quot;system&quot;, &quot;escpos-tcp://host[:port]&quot; or &quot;escpos-usb:///dev/usb/lp0&quot;.</source>
        <translation>%1 Verwenden Sie „system“, „escpos-tcp://host[:port]“ oder „escpos-usb:///dev/usb/lp0“.</translation>
    </message>
    <message>
        <source>The printer&apos;s address has an unclosed &quot;[&quot;.</source>
        <translation>In der Adresse des Druckers fehlt die schließende „]“.</translation>
    </message>
    <message>
        <source>The printer&apos;s address is not valid.</source>
        <translation>Die Adresse des Druckers ist ungültig.</translation>
    </message>
    <message>
        <source>The printer&apos;s port must be a number from 1 to 65535.</source>
        <translation>Der Port des Druckers muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>The printer&apos;s host name is missing or not valid.</source>
        <translation>Der Hostname des Druckers fehlt oder ist ungültig.</translation>
    </message>
    <message>
        <source>The printer&apos;s device must be an absolute path, e.g. /dev/usb/lp0.</source>
        <translation>Das Gerät des Druckers muss ein absoluter Pfad sein, z. B. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a receipt printer address.</source>
        <translation>„%1“ ist keine Adresse eines Bondruckers.</translation>
    </message>
</context>
<context>
    <name>storedesk::hardware::TestPage</name>
    <message>
        <source>Test page</source>
        <translation>Testseite</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Filiale: %1</translation>
    </message>
    <message>
        <source>Workstation: %1</source>
        <translation>Arbeitsplatz: %1</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Drucker: %1</translation>
    </message>
    <message>
        <source>Characters per line: %1</source>
        <translation>Zeichen pro Zeile: %1</translation>
    </message>
</context>
<context>
    <name>storedesk::session::Session</name>
    <message>
        <source>StoreDesk is still busy with the previous login. Try again in a moment.</source>
        <translation>StoreDesk ist noch mit der vorigen Anmeldung beschäftigt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
</context>
<context>
    <name>storedesk::session::TokenVault</name>
    <message>
        <source>No saved login was found in the keychain.</source>
        <translation>Im Schlüsselbund wurde keine gespeicherte Anmeldung gefunden.</translation>
    </message>
    <message>
        <source>The system keychain is not available (no Secret Service is running). StoreDesk keeps your login only there; ask IT to enable the keychain, then try again.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (kein Secret Service aktiv). StoreDesk speichert Ihre Anmeldung nur dort; bitten Sie die IT, den Schlüsselbund einzurichten, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access. Unlock it (or allow StoreDesk access), then try again.</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt oder hat den Zugriff verweigert. Entsperren Sie ihn (oder erlauben Sie StoreDesk den Zugriff) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The system keychain reported a problem. Try again; if it persists, tell IT.</source>
        <translation>Der Schlüsselbund des Systems hat ein Problem gemeldet. Versuchen Sie es erneut; wenn es bleibt, informieren Sie die IT.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CartLinesModel</name>
    <message>
        <source>%1 (gift)</source>
        <translation>%1 (Geschenk)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Artikelnummer</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Zeilensumme</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CartView</name>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Cart state</source>
        <translation>Warenkorbstatus</translation>
    </message>
    <message>
        <source>Tax portions</source>
        <translation>Steueranteile</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Open balance</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <source>Cart lines</source>
        <translation>Warenkorbzeilen</translation>
    </message>
    <message>
        <source>Taxes:</source>
        <translation>Steuern:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Summe:</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>Bezahlt:</translation>
    </message>
    <message>
        <source>Open balance:</source>
        <translation>Offener Betrag:</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Zusammengeführt</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Bestellt</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Eingefroren</translation>
    </message>
    <message>
        <source>Cart %1</source>
        <translation>Warenkorb %1</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Kein Kunde</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Kunde: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>%1: %2 included</source>
        <translation>%1: %2 enthalten</translation>
    </message>
    <message>
        <source>%1 tax included</source>
        <translation>%1 Steuern enthalten</translation>
    </message>
    <message>
        <source>not calculated</source>
        <translation>nicht berechnet</translation>
    </message>
    <message>
        <source>see payments</source>
        <translation>siehe Zahlungen</translation>
    </message>
    <message>
        <source>No cart open</source>
        <translation>Kein Warenkorb geöffnet</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s), amount being checked</source>
        <translation>
            <numerusform>%n Zahlung, Betrag wird geprüft</numerusform>
            <numerusform>%n Zahlungen, Betrag wird geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (and %2 in progress)</source>
        <translation>%1 (und %2 in Bearbeitung)</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CartWorkspace</name>
    <message>
        <source>Cart lookup</source>
        <translation>Warenkorb suchen</translation>
    </message>
    <message>
        <source>Scan or type a cart id, cart key or customer e-mail</source>
        <translation>Warenkorb-ID, -Schlüssel oder Kunden-E-Mail scannen oder eingeben</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Lookup message</source>
        <translation>Suchmeldung</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>Warenkörbe</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Carts found</source>
        <translation>Gefundene Warenkörbe</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>This is not a cart id, cart key or e-mail address.</source>
        <translation>Das ist keine Warenkorb-ID, kein Warenkorb-Schlüssel und keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>There is no cart with this key in this store.</source>
        <translation>In dieser Filiale gibt es keinen Warenkorb mit diesem Schlüssel.</translation>
    </message>
    <message>
        <source>Looking up the cart…</source>
        <translation>Warenkorb wird gesucht…</translation>
    </message>
    <message>
        <source>Looking up the customer&apos;s carts…</source>
        <translation>Warenkörbe des Kunden werden gesucht…</translation>
    </message>
    <message>
        <source>Opening the cart…</source>
        <translation>Warenkorb wird geöffnet…</translation>
    </message>
    <message>
        <source>Loading recent carts…</source>
        <translation>Letzte Warenkörbe werden geladen…</translation>
    </message>
    <message>
        <source>No carts found.</source>
        <translation>Keine Warenkörbe gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n cart(s) found.</source>
        <translation>
            <numerusform>%n Warenkorb gefunden.</numerusform>
            <numerusform>%n Warenkörbe gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Recent carts (F3)</source>
        <translation>Letzte Warenkörbe (F3)</translation>
    </message>
    <message>
        <source>Recent carts</source>
        <translation>Letzte Warenkörbe</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Refresh the cart</source>
        <translation>Warenkorb aktualisieren</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Close the list of carts</source>
        <translation>Liste der Warenkörbe schließen</translation>
    </message>
    <message>
        <source>The store&apos;s most recently changed carts (F3)</source>
        <translation>Die zuletzt geänderten Warenkörbe der Filiale (F3)</translation>
    </message>
    <message>
        <source>Read the open cart again (F5)</source>
        <translation>Den offenen Warenkorb neu laden (F5)</translation>
    </message>
    <message>
        <source>Carts of %1</source>
        <translation>Warenkörbe von %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CloseTillDialog</name>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Count the cash in the drawer: how many of each note and coin. What the drawer should hold is shown only after you have submitted the count.</source>
        <translation>Zählen Sie das Bargeld in der Schublade: wie viele von jedem Schein und jeder Münze. Was in der Schublade sein sollte, wird erst gezeigt, nachdem Sie die Zählung abgegeben haben.</translation>
    </message>
    <message>
        <source>&amp;Submit count</source>
        <translation>Zählung &amp;abgeben</translation>
    </message>
    <message>
        <source>Why a manager must approve</source>
        <translation>Warum eine Führungskraft genehmigen muss</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Erwartetes Bargeld</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Gezähltes Bargeld</translation>
    </message>
    <message>
        <source>Over or short</source>
        <translation>Mehr oder weniger</translation>
    </message>
    <message>
        <source>Reason for the difference</source>
        <translation>Grund der Differenz</translation>
    </message>
    <message>
        <source>Cou&amp;nt again</source>
        <translation>&amp;Neu zählen</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Neu zählen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close till</source>
        <translation>Kasse schließen</translation>
    </message>
    <message>
        <source>Expected in the drawer:</source>
        <translation>Erwartet in der Schublade:</translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation>Gezählt:</translation>
    </message>
    <message>
        <source>&amp;Reason for the difference:</source>
        <translation>G&amp;rund der Differenz:</translation>
    </message>
    <message>
        <source>Enter the reason for the difference first.</source>
        <translation>Geben Sie zuerst den Grund der Differenz ein.</translation>
    </message>
    <message>
        <source>Whether the till was closed is not known. Submit again to ask the server about the same count.</source>
        <translation>Ob die Kasse geschlossen wurde, ist nicht bekannt. Geben Sie erneut ab, um den Server nach derselben Zählung zu fragen.</translation>
    </message>
    <message>
        <source>Closing the till…</source>
        <translation>Kasse wird geschlossen…</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>nicht bekannt</translation>
    </message>
    <message>
        <source>Short: %1</source>
        <translation>Fehlbetrag: %1</translation>
    </message>
    <message>
        <source>Over: %1</source>
        <translation>Überschuss: %1</translation>
    </message>
    <message>
        <source>The count differs from what the drawer should hold by more than %1. Give the reason; a manager approves the close here, nobody is logged out.</source>
        <translation>Die Zählung weicht um mehr als %1 davon ab, was in der Schublade sein sollte. Geben Sie den Grund an; eine Führungskraft genehmigt den Abschluss hier, niemand wird abgemeldet.</translation>
    </message>
    <message>
        <source>The count differs from what the drawer should hold. Give the reason; a manager approves the close here, nobody is logged out.</source>
        <translation>Die Zählung weicht davon ab, was in der Schublade sein sollte. Geben Sie den Grund an; eine Führungskraft genehmigt den Abschluss hier, niemand wird abgemeldet.</translation>
    </message>
    <message>
        <source>A manager approves the difference.</source>
        <translation>Eine Führungskraft genehmigt die Differenz.</translation>
    </message>
    <message>
        <source>The approval was not accepted. Check the manager&apos;s user name and password or PIN.</source>
        <translation>Die Genehmigung wurde nicht angenommen. Prüfen Sie Benutzernamen und Passwort oder PIN der Führungskraft.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CountGrid</name>
    <message>
        <source>Counted total</source>
        <translation>Gezählte Summe</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Notes and coins</source>
        <translation>Scheine und Münzen</translation>
    </message>
    <message>
        <source>%1 note</source>
        <translation>%1-Schein</translation>
    </message>
    <message>
        <source>%1 coin</source>
        <translation>%1-Münze</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Schein</translation>
    </message>
    <message>
        <source>Coin</source>
        <translation>Münze</translation>
    </message>
    <message>
        <source>Number of %1 notes</source>
        <translation>Anzahl der %1-Scheine</translation>
    </message>
    <message>
        <source>Number of %1 coins</source>
        <translation>Anzahl der %1-Münzen</translation>
    </message>
    <message>
        <source>Value of the %1 counted</source>
        <translation>Wert der gezählten %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Kundenanzeige</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Earlier lines</source>
        <translation>Frühere Positionen</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Noch zu zahlen</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Amount refunded</source>
        <translation>Erstatteter Betrag</translation>
    </message>
    <message>
        <source>Refunded to</source>
        <translation>Erstattet auf</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <translation>Willkommen bei %1</translation>
    </message>
    <message>
        <source>Please follow the instructions on the terminal</source>
        <translation>Bitte folgen Sie den Anweisungen am Kartenterminal</translation>
    </message>
    <message>
        <source>Your purchase</source>
        <translation>Ihr Einkauf</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Summe %1</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Bezahlt %1</translation>
    </message>
    <message>
        <source>Still to pay %1</source>
        <translation>Noch zu zahlen %1</translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation>Vielen Dank für Ihren Einkauf!</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Vielen Dank!</translation>
    </message>
    <message>
        <source>Order number %1</source>
        <translation>Bestellnummer %1</translation>
    </message>
    <message>
        <source>Your refund</source>
        <translation>Ihre Erstattung</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier line(s)</source>
        <translation>
            <numerusform>%n frühere Position</numerusform>
            <numerusform>%n frühere Positionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Positionssumme</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ExpectedFloatDialog</name>
    <message>
        <source>Current expected float</source>
        <translation>Aktueller Soll-Wechselgeldbestand</translation>
    </message>
    <message>
        <source>Expected float</source>
        <translation>Soll-Wechselgeld</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save expected float</source>
        <translation>Soll-Wechselgeld speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>About the expected float</source>
        <translation>Über das Soll-Wechselgeld</translation>
    </message>
    <message>
        <source>The float the till of %1 should open with. Colleagues see the difference to what they count when they open the till.</source>
        <translation>Das Wechselgeld, mit dem die Kasse %1 geöffnet werden soll. Beim Öffnen der Kasse sehen Kolleginnen und Kollegen die Differenz zu dem, was sie zählen.</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Derzeit: %1</translation>
    </message>
    <message>
        <source>Now: none set</source>
        <translation>Derzeit: keines festgelegt</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Betrag (%1):</translation>
    </message>
    <message>
        <source>The till&apos;s currency is not known; refresh the till&apos;s status.</source>
        <translation>Die Währung der Kasse ist nicht bekannt; aktualisieren Sie den Kassenstatus.</translation>
    </message>
    <message>
        <source>The expected float cannot be negative.</source>
        <translation>Das Soll-Wechselgeld kann nicht negativ sein.</translation>
    </message>
    <message>
        <source>Type the amount, e.g. %1.</source>
        <translation>Geben Sie den Betrag ein, z. B. %1.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::Keypad</name>
    <message>
        <source>Decimal separator</source>
        <translation>Dezimaltrennzeichen</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>Letztes Zeichen löschen</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::LockPage</name>
    <message>
        <source>Locked session</source>
        <translation>Gesperrte Sitzung</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Passwort oder PIN</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Other user&apos;s name</source>
        <translation>Name des anderen Benutzers</translation>
    </message>
    <message>
        <source>Other user&apos;s password or PIN</source>
        <translation>Passwort oder PIN des anderen Benutzers</translation>
    </message>
    <message>
        <source>Lock message</source>
        <translation>Sperrmeldung</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Another user</source>
        <translation>Anderer Benutzer</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>Pass&amp;word or PIN:</source>
        <translation>&amp;Passwort oder PIN:</translation>
    </message>
    <message>
        <source>StoreDesk is locked. %1 is logged in; unlock with your password or PIN, or log in as another user (%1 is then logged out).</source>
        <translation>StoreDesk ist gesperrt. %1 ist angemeldet; entsperren Sie mit Ihrem Passwort oder Ihrer PIN oder melden Sie sich als anderer Benutzer an (%1 wird dann abgemeldet).</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Enter your password or PIN.</source>
        <translation>Geben Sie Ihr Passwort oder Ihre PIN ein.</translation>
    </message>
    <message>
        <source>Enter the other user&apos;s name and password or PIN.</source>
        <translation>Geben Sie Namen und Passwort oder PIN des anderen Benutzers ein.</translation>
    </message>
    <message>
        <source>Log in as &amp;another user…</source>
        <translation>Als &amp;anderer Benutzer anmelden…</translation>
    </message>
    <message>
        <source>Log in as another user</source>
        <translation>Als anderer Benutzer anmelden</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <comment>the other user logs in at the lock</comment>
        <translation>An&amp;melden</translation>
    </message>
    <message>
        <source>Keypad for the PIN</source>
        <translation>Tastenfeld für die PIN</translation>
    </message>
    <message>
        <source>Password or P&amp;IN:</source>
        <translation>Passwort oder P&amp;IN:</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::LoginPage</name>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Passwort oder PIN</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>Anmeldemeldung</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Log in to StoreDesk</source>
        <translation>Bei StoreDesk anmelden</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Benutzer&amp;name:</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Enter your user name and your password or PIN.</source>
        <translation>Geben Sie Ihren Benutzernamen und Ihr Passwort oder Ihre PIN ein.</translation>
    </message>
    <message>
        <source>Keypad for the PIN</source>
        <translation>Tastenfeld für die PIN</translation>
    </message>
    <message>
        <source>Pass&amp;word or PIN:</source>
        <translation>&amp;Passwort oder PIN:</translation>
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
    <message>
        <source>Set up this workstation</source>
        <translation>Diesen Arbeitsplatz einrichten</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>The server cannot be reached. The cart on screen stays readable; looking up carts, price checks and logging in need the server. StoreDesk keeps trying and reconnects by itself.</source>
        <translation>Der Server ist nicht erreichbar. Der angezeigte Warenkorb bleibt lesbar; Warenkorbsuche, Preisabfrage und Anmeldung brauchen den Server. StoreDesk versucht es weiter und verbindet sich von selbst wieder.</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Cart</source>
        <translation>&amp;Warenkorb</translation>
    </message>
    <message>
        <source>&amp;Find cart</source>
        <translation>Warenkorb &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Recent carts</source>
        <translation>&amp;Letzte Warenkörbe</translation>
    </message>
    <message>
        <source>&amp;Price check…</source>
        <translation>&amp;Preisabfrage…</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>S&amp;perren</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>&amp;Workstation setup…</source>
        <translation>Arbeitsplatz &amp;einrichten…</translation>
    </message>
    <message>
        <source>Store %1 · Workstation %2</source>
        <translation>Filiale %1 · Arbeitsplatz %2</translation>
    </message>
    <message>
        <source>Resuming your session…</source>
        <translation>Ihre Sitzung wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>Nicht eingerichtet</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Benutzer: %1</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>Server online</source>
        <translation>Server online</translation>
    </message>
    <message>
        <source>Server online, commerce system not answering</source>
        <translation>Server online, Commerce-System antwortet nicht</translation>
    </message>
    <message>
        <source>Server offline</source>
        <translation>Server offline</translation>
    </message>
    <message>
        <source>You have been logged out.</source>
        <translation>Sie wurden abgemeldet.</translation>
    </message>
    <message>
        <source>Workstation setup</source>
        <translation>Arbeitsplatz einrichten</translation>
    </message>
    <message>
        <source>Only a manager can change the workstation setup. Ask a manager to log in.</source>
        <translation>Nur eine Führungskraft kann die Einrichtung des Arbeitsplatzes ändern. Bitten Sie eine Führungskraft, sich anzumelden.</translation>
    </message>
    <message>
        <source>The workstation is set up. Log in to start.</source>
        <translation>Der Arbeitsplatz ist eingerichtet. Melden Sie sich an, um zu beginnen.</translation>
    </message>
    <message>
        <source>&amp;Cancel / back</source>
        <translation>&amp;Abbrechen / zurück</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>&amp;Zahlung</translation>
    </message>
    <message>
        <source>Pay in &amp;cash</source>
        <translation>&amp;Bar bezahlen</translation>
    </message>
    <message>
        <source>Pay by car&amp;d</source>
        <translation>Mit &amp;Karte bezahlen</translation>
    </message>
    <message>
        <source>&amp;Next customer</source>
        <translation>&amp;Nächster Kunde</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Bestellungen</translation>
    </message>
    <message>
        <source>Find order / &amp;Refund…</source>
        <translation>Bestellung suchen / &amp;Erstatten…</translation>
    </message>
    <message>
        <source>A payment for this cart is in progress. Wait for its outcome or cancel it before opening another cart.</source>
        <translation>Für diesen Warenkorb läuft eine Zahlung. Warten Sie ihr Ergebnis ab oder brechen Sie sie ab, bevor Sie einen anderen Warenkorb öffnen.</translation>
    </message>
    <message>
        <source>&amp;Unresolved payments…</source>
        <translation>&amp;Ungeklärte Zahlungen…</translation>
    </message>
    <message>
        <source>Set &amp;up this workstation… (F9)</source>
        <translation>Diesen Arbeitsplatz &amp;einrichten… (F9)</translation>
    </message>
    <message>
        <source>R&amp;efresh cart</source>
        <translation>Warenkorb a&amp;ktualisieren</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>The till is open.</source>
        <translation>Die Kasse ist geöffnet.</translation>
    </message>
    <message>
        <source>Till not open</source>
        <translation>Kasse nicht geöffnet</translation>
    </message>
    <message>
        <source>The till is not open, so cash cannot be taken. Open the till with the float, then take the payment again.</source>
        <translation>Die Kasse ist nicht geöffnet, daher kann kein Bargeld angenommen werden. Öffnen Sie die Kasse mit dem Wechselgeld und kassieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Open till now… (Ctrl+Shift+O)</source>
        <translation>Kasse jetzt öffnen… (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>Open till now</source>
        <translation>Kasse jetzt öffnen</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>&amp;Kasse</translation>
    </message>
    <message>
        <source>&amp;Open till…</source>
        <translation>Kasse ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Pay &amp;in…</source>
        <translation>&amp;Einlage…</translation>
    </message>
    <message>
        <source>Pay o&amp;ut…</source>
        <translation>E&amp;ntnahme…</translation>
    </message>
    <message>
        <source>Safe &amp;drop…</source>
        <translation>&amp;Abschöpfung in den Tresor…</translation>
    </message>
    <message>
        <source>&amp;No sale…</source>
        <translation>&amp;Kein Verkauf…</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>&amp;X-Bericht</translation>
    </message>
    <message>
        <source>&amp;Close till…</source>
        <translation>Kasse &amp;schließen…</translation>
    </message>
    <message>
        <source>Till &amp;sessions…</source>
        <translation>Kassensit&amp;zungen…</translation>
    </message>
    <message>
        <source>&amp;Expected float…</source>
        <translation>Soll-&amp;Wechselgeld…</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>Unlock the workstation first.</source>
        <translation>Entsperren Sie zuerst den Arbeitsplatz.</translation>
    </message>
    <message>
        <source>Only a manager can do this. Ask a manager to log in.</source>
        <translation>Das kann nur eine Führungskraft. Bitten Sie eine Führungskraft, sich anzumelden.</translation>
    </message>
    <message>
        <source>The till&apos;s status is not known yet: the server has not answered.</source>
        <translation>Der Zustand der Kasse ist noch nicht bekannt: Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>This workstation has no cash drawer.</source>
        <translation>Dieser Arbeitsplatz hat keine Kassenschublade.</translation>
    </message>
    <message>
        <source>The till is busy with another request.</source>
        <translation>Die Kasse ist mit einer anderen Anfrage beschäftigt.</translation>
    </message>
    <message>
        <source>The till is open already.</source>
        <translation>Die Kasse ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>The till is not open. Open it first (Ctrl+Shift+O).</source>
        <translation>Die Kasse ist nicht geöffnet. Öffnen Sie sie zuerst (Strg+Umschalt+O).</translation>
    </message>
    <message>
        <source>No cash drawer</source>
        <translation>Keine Kassenschublade</translation>
    </message>
    <message>
        <source>Till open</source>
        <translation>Kasse geöffnet</translation>
    </message>
    <message>
        <source>Till closed</source>
        <translation>Kasse geschlossen</translation>
    </message>
    <message>
        <source>The till is not open, so cash cannot be handed back. Open the till with the float, then refund again.</source>
        <translation>Die Kasse ist nicht geöffnet, daher kann kein Bargeld zurückgegeben werden. Öffnen Sie die Kasse mit dem Wechselgeld und erstatten Sie dann erneut.</translation>
    </message>
    <message>
        <source>Open till now…</source>
        <translation>Kasse jetzt öffnen…</translation>
    </message>
    <message>
        <source>%1 of %2 recorded.</source>
        <translation>%1 über %2 erfasst.</translation>
    </message>
    <message>
        <source>%1 recorded.</source>
        <translation>%1 erfasst.</translation>
    </message>
    <message>
        <source>Reading the X report…</source>
        <translation>X-Bericht wird gelesen…</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>Erneut d&amp;rucken</translation>
    </message>
    <message>
        <source>Print the document again</source>
        <translation>Das Dokument erneut drucken</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassenlade</translation>
    </message>
    <message>
        <source>Cash drawer open</source>
        <translation>Kassenlade offen</translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
        <translation>Die Kassenlade hat sich nicht geöffnet: %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ManagerApprovalPanel</name>
    <message>
        <source>Manager approval</source>
        <translation>Genehmigung durch Führungskraft</translation>
    </message>
    <message>
        <source>Why a manager must approve</source>
        <translation>Warum eine Führungskraft genehmigen muss</translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation>Benutzername der Führungskraft</translation>
    </message>
    <message>
        <source>Manager&apos;s password or PIN</source>
        <translation>Passwort oder PIN der Führungskraft</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>Cancel appro&amp;val</source>
        <translation>Genehmigung abbre&amp;chen</translation>
    </message>
    <message>
        <source>Cancel approval</source>
        <translation>Genehmigung abbrechen</translation>
    </message>
    <message>
        <source>Approval message</source>
        <translation>Genehmigungsmeldung</translation>
    </message>
    <message>
        <source>Manager&apos;s &amp;user name:</source>
        <translation>Ben&amp;utzername der Führungskraft:</translation>
    </message>
    <message>
        <source>Manager&apos;s pass&amp;word or PIN:</source>
        <translation>Pass&amp;wort oder PIN der Führungskraft:</translation>
    </message>
    <message>
        <source>The refund of %1 is above what this store refunds without a manager.</source>
        <translation>Die Erstattung von %1 liegt über dem, was diese Filiale ohne Führungskraft erstattet.</translation>
    </message>
    <message>
        <source>The refund is above what this store refunds without a manager.</source>
        <translation>Die Erstattung liegt über dem, was diese Filiale ohne Führungskraft erstattet.</translation>
    </message>
    <message>
        <source>The order is older than this store refunds without a manager.</source>
        <translation>Die Bestellung ist älter, als diese Filiale ohne Führungskraft erstattet.</translation>
    </message>
    <message>
        <source>This refund needs a manager&apos;s approval.</source>
        <translation>Diese Erstattung muss von einer Führungskraft genehmigt werden.</translation>
    </message>
    <message>
        <source>A manager enters their user name and password or PIN here; nobody is logged out.</source>
        <translation>Eine Führungskraft gibt hier Benutzername und Passwort oder PIN ein; niemand wird abgemeldet.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s user name.</source>
        <translation>Geben Sie den Benutzernamen der Führungskraft ein.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s password or PIN.</source>
        <translation>Geben Sie Passwort oder PIN der Führungskraft ein.</translation>
    </message>
    <message>
        <source>Checking the approval…</source>
        <translation>Genehmigung wird geprüft…</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::OpenTillDialog</name>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Count the float in the drawer: how many of each note and coin. The total adds itself up.</source>
        <translation>Zählen Sie das Wechselgeld in der Schublade: wie viele von jedem Schein und jeder Münze. Die Summe ergibt sich von selbst.</translation>
    </message>
    <message>
        <source>Expected float</source>
        <translation>Erwartetes Wechselgeld</translation>
    </message>
    <message>
        <source>Difference to the expected float</source>
        <translation>Differenz zum erwarteten Wechselgeld</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Open till</source>
        <translation>Kasse ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open till</source>
        <translation>Kasse öffnen</translation>
    </message>
    <message>
        <source>Count the float first: enter how many of each note and coin are in the drawer.</source>
        <translation>Zählen Sie zuerst das Wechselgeld: Geben Sie ein, wie viele Scheine und Münzen jeder Art in der Schublade sind.</translation>
    </message>
    <message>
        <source>Opening the till…</source>
        <translation>Kasse wird geöffnet…</translation>
    </message>
    <message>
        <source>Expected float: %1</source>
        <translation>Erwartetes Wechselgeld: %1</translation>
    </message>
    <message>
        <source>The count matches the expected float.</source>
        <translation>Die Zählung stimmt mit dem erwarteten Wechselgeld überein.</translation>
    </message>
    <message>
        <source>%1 less than expected</source>
        <translation>%1 weniger als erwartet</translation>
    </message>
    <message>
        <source>%1 more than expected</source>
        <translation>%1 mehr als erwartet</translation>
    </message>
    <message>
        <source>Whether the till was opened is not known. Press Open till again to ask the server with the same count.</source>
        <translation>Ob die Kasse geöffnet wurde, ist nicht bekannt. Drücken Sie erneut „Kasse öffnen“, um den Server mit derselben Zählung zu fragen.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::PaymentPanel</name>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Open a cart to take payment.</source>
        <translation>Öffnen Sie einen Warenkorb, um zu kassieren.</translation>
    </message>
    <message>
        <source>Open balance</source>
        <translation>Offener Betrag</translation>
    </message>
    <message>
        <source>Paid so far</source>
        <translation>Bisher bezahlt</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>Zu zahlender Betrag</translation>
    </message>
    <message>
        <source>Payment message</source>
        <translation>Zahlungsmeldung</translation>
    </message>
    <message>
        <source>Cash due</source>
        <translation>Bar zu zahlen</translation>
    </message>
    <message>
        <source>Cash handed over</source>
        <translation>Gegebenes Bargeld</translation>
    </message>
    <message>
        <source>Empty: the exact amount</source>
        <translation>Leer: Betrag passend</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>Confir&amp;m cash</source>
        <translation>Bargeld bes&amp;tätigen</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Zu&amp;rück</translation>
    </message>
    <message>
        <source>Cash han&amp;ded over:</source>
        <translation>&amp;Gegebenes Bargeld:</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>Zahlungsstatus</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>Zahlung läuft</translation>
    </message>
    <message>
        <source>Cancel pa&amp;yment</source>
        <translation>Zahlung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>Bestellstatus</translation>
    </message>
    <message>
        <source>Complete the order &amp;again</source>
        <translation>Bestellung &amp;erneut abschließen</translation>
    </message>
    <message>
        <source>Print rece&amp;ipt…</source>
        <translation>Beleg &amp;drucken…</translation>
    </message>
    <message>
        <source>&amp;Next customer</source>
        <translation>&amp;Nächster Kunde</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>Vollständig bezahlt</translation>
    </message>
    <message>
        <source>Completing the order…</source>
        <translation>Bestellung wird abgeschlossen…</translation>
    </message>
    <message>
        <source>The payment is complete, but the order could not be completed yet: %1</source>
        <translation>Die Zahlung ist abgeschlossen, aber die Bestellung konnte noch nicht abgeschlossen werden: %1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bargeld</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Cash (F11)</source>
        <translation>Bar (F11)</translation>
    </message>
    <message>
        <source>Card (F12)</source>
        <translation>Karte (F12)</translation>
    </message>
    <message>
        <source>Pay with %1</source>
        <translation>Bezahlen mit %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Paid: %1 of %2</source>
        <translation>Bezahlt: %1 von %2</translation>
    </message>
    <message>
        <source>Paid: %1 of %2 · in progress: %3</source>
        <translation>Bezahlt: %1 von %2 · in Bearbeitung: %3</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Geben Sie einen Betrag über null ein.</translation>
    </message>
    <message>
        <source>The amount is more than the open balance (%1).</source>
        <translation>Der Betrag übersteigt den offenen Betrag (%1).</translation>
    </message>
    <message>
        <source>Customer hands over %1</source>
        <translation>Kunde gibt %1</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>%1 fehlen</translation>
    </message>
    <message>
        <source>A payment is already in progress for this cart.</source>
        <translation>Für diesen Warenkorb läuft bereits eine Zahlung.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sending the payment to the terminal…</source>
        <translation>Zahlung wird an das Terminal gesendet…</translation>
    </message>
    <message>
        <source>Recording the payment…</source>
        <translation>Zahlung wird erfasst…</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s card on the terminal…</source>
        <translation>Warten auf die Karte des Kunden am Terminal…</translation>
    </message>
    <message>
        <source>Cancelling… The terminal may still approve; StoreDesk shows what it answers.</source>
        <translation>Wird abgebrochen… Das Terminal kann die Zahlung noch freigeben; StoreDesk zeigt seine Antwort an.</translation>
    </message>
    <message>
        <source>No clear answer yet (%1). Asking for the status of this payment; it will not be charged twice.</source>
        <translation>Noch keine eindeutige Antwort (%1). Der Status dieser Zahlung wird abgefragt; sie wird nicht doppelt belastet.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 taken. Change due: %2</source>
        <translation>%1 kassiert. Rückgeld: %2</translation>
    </message>
    <message>
        <source>%1 taken.</source>
        <translation>%1 kassiert.</translation>
    </message>
    <message>
        <source>%1 declined. Choose another tender.</source>
        <translation>%1 abgelehnt. Wählen Sie eine andere Zahlungsart.</translation>
    </message>
    <message>
        <source>%1 declined: %2 Choose another tender.</source>
        <translation>%1 abgelehnt: %2 Wählen Sie eine andere Zahlungsart.</translation>
    </message>
    <message>
        <source>%1 cancelled; nothing was taken.</source>
        <translation>%1 abgebrochen; es wurde nichts kassiert.</translation>
    </message>
    <message>
        <source>%1 not taken: %2</source>
        <translation>%1 nicht kassiert: %2</translation>
    </message>
    <message>
        <source>Take the payment &amp;now</source>
        <translation>Zahlung &amp;jetzt annehmen</translation>
    </message>
    <message>
        <source>Disca&amp;rd (nothing was taken)</source>
        <translation>&amp;Verwerfen (nichts kassiert)</translation>
    </message>
    <message>
        <source>No answer from the server for a while. The customer MAY HAVE BEEN CHARGED: check the terminal&apos;s slip before taking another payment. StoreDesk keeps asking and shows the outcome as soon as it arrives.</source>
        <translation>Der Server antwortet seit einer Weile nicht. Die Karte des Kunden WURDE MÖGLICHERWEISE BELASTET: Prüfen Sie den Beleg des Terminals, bevor Sie eine weitere Zahlung annehmen. StoreDesk fragt weiter nach und zeigt das Ergebnis, sobald es eintrifft.</translation>
    </message>
    <message>
        <source>No answer from the server for a while. This cash payment MAY HAVE BEEN BOOKED: keep the cash in hand until StoreDesk shows the outcome. StoreDesk keeps asking.</source>
        <translation>Der Server antwortet seit einer Weile nicht. Diese Barzahlung WURDE MÖGLICHERWEISE GEBUCHT: Behalten Sie das Bargeld, bis StoreDesk das Ergebnis zeigt. StoreDesk fragt weiter nach.</translation>
    </message>
    <message>
        <source>StoreDesk stopped before this payment was confirmed. Asking the server whether it received it…</source>
        <translation>StoreDesk wurde beendet, bevor diese Zahlung bestätigt war. Der Server wird gefragt, ob er sie erhalten hat…</translation>
    </message>
    <message>
        <source>This card payment (started %1) never reached the server: the customer was not charged through StoreDesk. Take the payment now, or discard it.</source>
        <translation>Diese Kartenzahlung (begonnen %1) hat den Server nie erreicht: Über StoreDesk wurde nichts belastet. Nehmen Sie die Zahlung jetzt an oder verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>This cash payment (started %1) never reached the server: nothing was booked. If %2 in cash is in hand for it, take the payment now; otherwise discard it.</source>
        <translation>Diese Barzahlung (begonnen %1) hat den Server nie erreicht: Es wurde nichts gebucht. Wenn dafür %2 in bar vorliegen, nehmen Sie die Zahlung jetzt an; sonst verwerfen Sie sie.</translation>
    </message>
    <message>
        <source>%1: OUTCOME UNKNOWN. %2 It is listed under Payment &gt; Unresolved payments for a manager.</source>
        <translation>%1: ERGEBNIS UNBEKANNT. %2 Die Zahlung steht für eine Führungskraft unter Zahlung &gt; Ungeklärte Zahlungen.</translation>
    </message>
    <message>
        <source>%1 discarded; nothing was taken.</source>
        <translation>%1 verworfen; nichts wurde kassiert.</translation>
    </message>
    <message>
        <source>Provider&apos;s words</source>
        <translation>Wortlaut des Zahlungsdienstleisters</translation>
    </message>
    <message>
        <source>Amount (F10)</source>
        <translation>Betrag (F10)</translation>
    </message>
    <message>
        <source>Cash message</source>
        <translation>Hinweis zur Barzahlung</translation>
    </message>
    <message>
        <source>The amount just changed to %1. Check it, then choose %2 again.</source>
        <translation>Der Betrag hat sich gerade auf %1 geändert. Prüfen Sie ihn und wählen Sie dann erneut %2.</translation>
    </message>
    <message>
        <source>Exact %1</source>
        <translation>Passend %1</translation>
    </message>
    <message>
        <source>Customer hands over %1 (%2)</source>
        <translation>Kunde gibt %1 (%2)</translation>
    </message>
    <message>
        <source>The terminal&apos;s words: %1</source>
        <translation>Wortlaut des Terminals: %1</translation>
    </message>
    <message>
        <source>Offer the receipt, then go on with the next customer.</source>
        <translation>Bieten Sie den Beleg an und machen Sie dann mit dem nächsten Kunden weiter.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::PriceCheckDialog</name>
    <message>
        <source>Product code</source>
        <translation>Produktcode</translation>
    </message>
    <message>
        <source>Scan or type a SKU or EAN</source>
        <translation>Artikelnummer oder EAN scannen oder eingeben</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Price check message</source>
        <translation>Meldung der Preisabfrage</translation>
    </message>
    <message>
        <source>Price check</source>
        <translation>Preisabfrage</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produkt:</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Preis:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Scan or type a product code.</source>
        <translation>Scannen oder geben Sie einen Produktcode ein.</translation>
    </message>
    <message>
        <source>%1 (instead of %2)</source>
        <translation>%1 (statt %2)</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>Artikelnummer %1</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>This product has no price in this store.</source>
        <translation>Dieses Produkt hat in dieser Filiale keinen Preis.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Check &amp;price</source>
        <translation>Preis &amp;prüfen</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ReceiptDesk</name>
    <message>
        <source>The receipt cannot be made: %1</source>
        <translation>Der Beleg kann nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ReceiptDialog</name>
    <message>
        <source>Receipt message</source>
        <translation>Belegmeldung</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Vorschau…</translation>
    </message>
    <message>
        <source>Preview receipt</source>
        <translation>Belegvorschau</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Beleg drucken</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Beleg als PDF speichern</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
    <message>
        <source>Refund receipt %1</source>
        <translation>Erstattungsbeleg %1</translation>
    </message>
    <message>
        <source>Receipt text</source>
        <translation>Belegtext</translation>
    </message>
    <message>
        <source>Kind of receipt</source>
        <translation>Art des Belegs</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kassenbeleg</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Erstattungsbeleg</translation>
    </message>
    <message>
        <source>Order number as a barcode</source>
        <translation>Bestellnummer als Barcode</translation>
    </message>
    <message>
        <source>Order number %1 as a barcode</source>
        <translation>Bestellnummer %1 als Barcode</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ReceiptDocument</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>RECEIPT</source>
        <translation>KASSENBELEG</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>ERSTATTUNG</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>KOPIE</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestell-Nr.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Es bediente</translation>
    </message>
    <message>
        <source>Refund ID</source>
        <translation>Erstattungs-ID</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Gegeben</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rückgeld</translation>
    </message>
    <message>
        <source>%1 (gift)</source>
        <translation>%1 (Geschenk)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Summe</translation>
    </message>
    <message>
        <source>Taxes not calculated</source>
        <translation>Steuern nicht berechnet</translation>
    </message>
    <message>
        <source>VAT %1</source>
        <translation>MwSt. %1</translation>
    </message>
    <message>
        <source>incl. %1</source>
        <translation>inkl. %1</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>inkl. MwSt.</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation>Vielen Dank für Ihren Einkauf!</translation>
    </message>
    <message>
        <source>%1 returned</source>
        <translation>%1 zurückgegeben</translation>
    </message>
    <message>
        <source>Refund total</source>
        <translation>Erstattungssumme</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Genehmigt von</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Beleg %1</translation>
    </message>
    <message>
        <source>Refund receipt %1</source>
        <translation>Erstattungsbeleg %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ReceiptPrinter</name>
    <message>
        <source>The PDF file could not be written.</source>
        <translation>Die PDF-Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The printer %1 cannot be used.</source>
        <translation>Der Drucker %1 kann nicht verwendet werden.</translation>
    </message>
    <message>
        <source>The printer stopped after page %1.</source>
        <translation>Der Drucker hat nach Seite %1 angehalten.</translation>
    </message>
    <message>
        <source>The receipt could not be finished on the printer.</source>
        <translation>Der Beleg konnte auf dem Drucker nicht fertig gedruckt werden.</translation>
    </message>
    <message>
        <source>No file was chosen for the PDF.</source>
        <translation>Für das PDF wurde keine Datei gewählt.</translation>
    </message>
    <message>
        <source>Receipt roll</source>
        <translation>Belegrolle</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Belegvorschau</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved as %1: %2</source>
        <translation>Das PDF konnte nicht als %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>The PDF could not be saved as %1: the file is empty.</source>
        <translation>Das PDF konnte nicht als %1 gespeichert werden: Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>%1 drucken</translation>
    </message>
    <message>
        <source>%1 was sent to %2.</source>
        <translation>%1 wurde an %2 gesendet.</translation>
    </message>
    <message>
        <source>Save %1 as PDF</source>
        <translation>%1 als PDF speichern</translation>
    </message>
    <message>
        <source>%1 was saved as %2.</source>
        <translation>%1 wurde als %2 gespeichert.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::RefundDialog</name>
    <message>
        <source>Order number</source>
        <translation>Bestellnummer</translation>
    </message>
    <message>
        <source>Scan the receipt or type the order number</source>
        <translation>Beleg scannen oder Bestellnummer eingeben</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Repr&amp;int receipt</source>
        <translation>&amp;Beleg nachdrucken</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Quantities to refund</source>
        <translation>Zu erstattende Mengen</translation>
    </message>
    <message>
        <source>Refund reason</source>
        <translation>Erstattungsgrund</translation>
    </message>
    <message>
        <source>Refund total</source>
        <translation>Erstattungssumme</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>E&amp;rstatten</translation>
    </message>
    <message>
        <source>Canc&amp;el</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Refund message</source>
        <translation>Erstattungsmeldung</translation>
    </message>
    <message>
        <source>Find order / Refund</source>
        <translation>Bestellung suchen / Erstatten</translation>
    </message>
    <message>
        <source>Find order and refund</source>
        <translation>Bestellung suchen und erstatten</translation>
    </message>
    <message>
        <source>&amp;Quantities to refund:</source>
        <translation>Zu erstattende &amp;Mengen:</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Grun&amp;d:</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Bestellpositionen</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation>Grund wählen</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Order &amp;number:</source>
        <translation>Bestell&amp;nummer:</translation>
    </message>
    <message>
        <source>Order %1 · %2 · total %3</source>
        <translation>Bestellung %1 · %2 · Summe %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>paid: %1</source>
        <translation>bezahlt: %1</translation>
    </message>
    <message>
        <source>Refund total: %1</source>
        <translation>Erstattungssumme: %1</translation>
    </message>
    <message>
        <source>C&amp;heck outcome</source>
        <translation>Ergebnis &amp;prüfen</translation>
    </message>
    <message>
        <source>Check outcome</source>
        <translation>Ergebnis prüfen</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstatten</translation>
    </message>
    <message>
        <source>Find the order to refund</source>
        <translation>Die zu erstattende Bestellung suchen</translation>
    </message>
    <message>
        <source>Scan the barcode on the customer&apos;s receipt, or type the order number and press Enter.</source>
        <translation>Scannen Sie den Barcode auf dem Beleg des Kunden oder geben Sie die Bestellnummer ein und drücken Sie die Eingabetaste.</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Ziffernblock</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::RefundLinesEditor</name>
    <message>
        <source>Order lines</source>
        <translation>Bestellpositionen</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>Already refunded</source>
        <translation>Bereits erstattet</translation>
    </message>
    <message>
        <source>Refundable</source>
        <translation>Erstattbar</translation>
    </message>
    <message>
        <source>Refund now</source>
        <translation>Jetzt erstatten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Quantity to refund: %1</source>
        <translation>Zu erstattende Menge: %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::RefundResultView</name>
    <message>
        <source>Refund result</source>
        <translation>Erstattungsergebnis</translation>
    </message>
    <message>
        <source>&amp;Print refund receipt</source>
        <translation>Erstattungsbeleg &amp;drucken</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>Refunded per tender</source>
        <translation>Erstattet je Zahlungsart</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Refunded %1 for order %2.</source>
        <translation>%1 für Bestellung %2 erstattet.</translation>
    </message>
    <message>
        <source>Approved by %1.</source>
        <translation>Genehmigt von %1.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::RollPrinter</name>
    <message>
        <source>The receipt</source>
        <translation>Der Kassenbon</translation>
    </message>
    <message>
        <source>The refund receipt</source>
        <translation>Der Rückgabebeleg</translation>
    </message>
    <message>
        <source>The Z report</source>
        <translation>Der Z-Bericht</translation>
    </message>
    <message>
        <source>The X report</source>
        <translation>Der X-Bericht</translation>
    </message>
    <message>
        <source>%1 was printed.</source>
        <translation>%1 wurde gedruckt.</translation>
    </message>
    <message>
        <source>%1 was not printed: %2</source>
        <translation>%1 wurde nicht gedruckt: %2</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::SetupDialog</name>
    <message>
        <source>Your IT department manages this setting.</source>
        <translation>Diese Einstellung wird von Ihrer IT-Abteilung verwaltet.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>&amp;Verbindung prüfen</translation>
    </message>
    <message>
        <source>Connection check result</source>
        <translation>Ergebnis der Verbindungsprüfung</translation>
    </message>
    <message>
        <source>Manager user name</source>
        <translation>Benutzername der Führungskraft</translation>
    </message>
    <message>
        <source>Manager password or PIN</source>
        <translation>Passwort oder PIN der Führungskraft</translation>
    </message>
    <message>
        <source>&amp;Log in as manager</source>
        <translation>Als Führungskraft an&amp;melden</translation>
    </message>
    <message>
        <source>Manager login result</source>
        <translation>Ergebnis der Anmeldung der Führungskraft</translation>
    </message>
    <message>
        <source>Setup message</source>
        <translation>Einrichtungsmeldung</translation>
    </message>
    <message>
        <source>2. Manager login</source>
        <translation>2. Anmeldung der Führungskraft</translation>
    </message>
    <message>
        <source>3. Store, location and workstation</source>
        <translation>3. Filiale, Standort und Arbeitsplatz</translation>
    </message>
    <message>
        <source>Workstation setup</source>
        <translation>Arbeitsplatz einrichten</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Filiale</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Arbeitsplatz</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Sperren nach Minuten ohne Eingabe</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Manager login</source>
        <translation>Anmeldung der Führungskraft</translation>
    </message>
    <message>
        <source>Store, location and workstation</source>
        <translation>Filiale, Standort und Arbeitsplatz</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>1. Integration server</source>
        <translation>1. Integrationsserver</translation>
    </message>
    <message>
        <source>Integration server</source>
        <translation>Integrationsserver</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password or PIN:</source>
        <translation>&amp;Passwort oder PIN:</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>&amp;Filiale:</translation>
    </message>
    <message>
        <source>L&amp;ocation:</source>
        <translation>S&amp;tandort:</translation>
    </message>
    <message>
        <source>&amp;Workstation:</source>
        <translation>A&amp;rbeitsplatz:</translation>
    </message>
    <message>
        <source>Lock after &amp;idle:</source>
        <translation>Sperren nach &amp;Inaktivität:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Spra&amp;che:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Verbindung wird geprüft…</translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation>Keine Verbindung: %1</translation>
    </message>
    <message>
        <source>Connected to StoreDesk server %1. The commerce system answers.</source>
        <translation>Verbunden mit StoreDesk-Server %1. Das Commerce-System antwortet.</translation>
    </message>
    <message>
        <source>Connected to StoreDesk server %1, but the commerce system does not answer right now; carts cannot be looked up until it does.</source>
        <translation>Verbunden mit StoreDesk-Server %1, aber das Commerce-System antwortet gerade nicht; bis dahin können keine Warenkörbe gesucht werden.</translation>
    </message>
    <message>
        <source>Enter a manager&apos;s user name and password or PIN.</source>
        <translation>Geben Sie Benutzername und Passwort oder PIN einer Führungskraft ein.</translation>
    </message>
    <message>
        <source>The user name has at least 2 characters and the password or PIN at least 4.</source>
        <translation>Der Benutzername hat mindestens 2 Zeichen, das Passwort oder die PIN mindestens 4.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>Only a manager can set a workstation up.</source>
        <translation>Nur eine Führungskraft kann einen Arbeitsplatz einrichten.</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>Angemeldet als %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The store IT set for this machine (%1) is not among the stores this manager may set up.</source>
        <translation>Die von der IT für diesen Rechner festgelegte Filiale (%1) gehört nicht zu den Filialen, die diese Führungskraft einrichten darf.</translation>
    </message>
    <message>
        <source>%1 (with card terminal)</source>
        <translation>%1 (mit Kartenterminal)</translation>
    </message>
    <message>
        <source>Server and store</source>
        <translation>Server und Filiale</translation>
    </message>
    <message>
        <source>Ser&amp;ver and store</source>
        <translation>Server &amp;und Filiale</translation>
    </message>
    <message>
        <source>&amp;Hardware</source>
        <translation>&amp;Hardware</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::SetupHardwarePage</name>
    <message>
        <source>Receipt printer address</source>
        <translation>Adresse des Bondruckers</translation>
    </message>
    <message>
        <source>Receipt printer address check</source>
        <translation>Prüfung der Bondrucker-Adresse</translation>
    </message>
    <message>
        <source>Print t&amp;est page</source>
        <translation>Testseite drucke&amp;n</translation>
    </message>
    <message>
        <source>Test page result</source>
        <translation>Ergebnis der Testseite</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Receipt printer type</source>
        <translation>Art des Bondruckers</translation>
    </message>
    <message>
        <source>Characters per line</source>
        <translation>Zeichen pro Zeile</translation>
    </message>
    <message>
        <source>Cash drawer pin</source>
        <translation>Pin der Kassenlade</translation>
    </message>
    <message>
        <source>Cash drawer pulse time</source>
        <translation>Impulsdauer der Kassenlade</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Kundenanzeige</translation>
    </message>
    <message>
        <source>System printer (print dialog)</source>
        <translation>Systemdrucker (Druckdialog)</translation>
    </message>
    <message>
        <source>ESC/POS on the network</source>
        <translation>ESC/POS im Netzwerk</translation>
    </message>
    <message>
        <source>ESC/POS on USB</source>
        <translation>ESC/POS über USB</translation>
    </message>
    <message>
        <source>48 (Font A on 80 mm)</source>
        <translation>48 (Schrift A auf 80 mm)</translation>
    </message>
    <message>
        <source>Pin 2</source>
        <translation>Pin 2</translation>
    </message>
    <message>
        <source>Pin 5</source>
        <translation>Pin 5</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1 (%2 × %3)</source>
        <translation>%1 (%2 × %3)</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Bondrucker</translation>
    </message>
    <message>
        <source>Printer &amp;type:</source>
        <translation>&amp;Druckertyp:</translation>
    </message>
    <message>
        <source>Printer add&amp;ress:</source>
        <translation>Druckeradr&amp;esse:</translation>
    </message>
    <message>
        <source>Characters per li&amp;ne:</source>
        <translation>&amp;Zeichen pro Zeile:</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Kassenlade</translation>
    </message>
    <message>
        <source>&amp;Drawer pin:</source>
        <translation>&amp;Kassenladen-Pin:</translation>
    </message>
    <message>
        <source>Pulse ti&amp;me:</source>
        <translation>Impu&amp;lsdauer:</translation>
    </message>
    <message>
        <source>Cash drawer note</source>
        <translation>Hinweis zur Kassenlade</translation>
    </message>
    <message>
        <source>The drawer is opened through an ESC/POS receipt printer only.</source>
        <translation>Die Kassenlade wird nur über einen ESC/POS-Bondrucker geöffnet.</translation>
    </message>
    <message>
        <source>Customer displa&amp;y</source>
        <translation>Kundenanzei&amp;ge</translation>
    </message>
    <message>
        <source>Customer display note</source>
        <translation>Hinweis zur Kundenanzeige</translation>
    </message>
    <message>
        <source>The screen that faces the customer; None: no customer display.</source>
        <translation>Der Bildschirm, der zur Kundschaft zeigt; Keine: keine Kundenanzeige.</translation>
    </message>
    <message>
        <source>not set up yet</source>
        <translation>noch nicht eingerichtet</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s device as a full path, e.g. /dev/usb/lp0.</source>
        <translation>Geben Sie das Gerät des Druckers als vollständigen Pfad an, z. B. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s network address as host or host:port (port 1 to 65535; 9100 when none is given), e.g. 192.168.1.50:9100.</source>
        <translation>Geben Sie die Netzwerkadresse des Druckers als Host oder Host:Port an (Port 1 bis 65535; 9100, wenn keiner angegeben ist), z. B. 192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>Test page printed.</source>
        <translation>Testseite gedruckt.</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Testseite wird gedruckt…</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillMovementDialog</name>
    <message>
        <source>Pay in</source>
        <translation>Einlage</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>Entnahme</translation>
    </message>
    <message>
        <source>Safe drop</source>
        <translation>Abschöpfung</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Kein Verkauf</translation>
    </message>
    <message>
        <source>Cash put into the drawer without a sale, such as a change delivery.</source>
        <translation>Bargeld, das ohne Verkauf in die Schublade kommt, etwa eine Wechselgeldlieferung.</translation>
    </message>
    <message>
        <source>Cash taken out of the drawer to pay for something, such as a supplier.</source>
        <translation>Bargeld, das aus der Schublade genommen wird, um etwas zu bezahlen, etwa einen Lieferanten.</translation>
    </message>
    <message>
        <source>Cash taken from the drawer to the safe in a numbered bag.</source>
        <translation>Bargeld, das in einem nummerierten Beutel aus der Schublade in den Tresor kommt.</translation>
    </message>
    <message>
        <source>The drawer is opened without a sale. Say why.</source>
        <translation>Die Schublade wird ohne Verkauf geöffnet. Geben Sie den Grund an.</translation>
    </message>
    <message>
        <source>What this is</source>
        <translation>Worum es geht</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Betrag:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>G&amp;rund:</translation>
    </message>
    <message>
        <source>Bag number</source>
        <translation>Beutelnummer</translation>
    </message>
    <message>
        <source>&amp;Bag number:</source>
        <translation>Beutel&amp;nummer:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otiz:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Re&amp;cord</source>
        <translation>&amp;Erfassen</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Es wurde nichts erfasst.</translation>
    </message>
    <message>
        <source>Whether it was recorded is not known. Press Record again to ask the server about the same movement.</source>
        <translation>Ob es erfasst wurde, ist nicht bekannt. Drücken Sie erneut „Erfassen“, um den Server nach derselben Bewegung zu fragen.</translation>
    </message>
    <message>
        <source>This store has no reasons for this set up. Ask a manager.</source>
        <translation>Für diese Filiale sind hierfür keine Gründe eingerichtet. Fragen Sie eine Führungskraft.</translation>
    </message>
    <message>
        <source>The till&apos;s currency is not known yet. Try again in a moment.</source>
        <translation>Die Währung der Kasse ist noch nicht bekannt. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero, such as %1.</source>
        <translation>Geben Sie einen Betrag größer als null ein, zum Beispiel %1.</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Wählen Sie einen Grund.</translation>
    </message>
    <message>
        <source>Enter the number of the safe bag.</source>
        <translation>Geben Sie die Nummer des Tresorbeutels ein.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Wird erfasst…</translation>
    </message>
    <message>
        <source>Pay-outs above %1 need a manager&apos;s approval in this store.</source>
        <translation>Entnahmen über %1 brauchen in dieser Filiale die Genehmigung einer Führungskraft.</translation>
    </message>
    <message>
        <source>This pay-out needs a manager&apos;s approval.</source>
        <translation>Diese Entnahme braucht die Genehmigung einer Führungskraft.</translation>
    </message>
    <message numerus="yes">
        <source>This store allows %n no sales per till session without a manager.</source>
        <translation>
            <numerusform>Diese Filiale erlaubt %n Öffnen ohne Verkauf je Kassensitzung ohne Führungskraft.</numerusform>
            <numerusform>Diese Filiale erlaubt %n Öffnungen ohne Verkauf je Kassensitzung ohne Führungskraft.</numerusform>
        </translation>
    </message>
    <message>
        <source>This no sale needs a manager&apos;s approval.</source>
        <translation>Dieses Öffnen ohne Verkauf braucht die Genehmigung einer Führungskraft.</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s approval.</source>
        <translation>Dies braucht die Genehmigung einer Führungskraft.</translation>
    </message>
    <message>
        <source>A manager enters their user name and password or PIN here; nobody is logged out.</source>
        <translation>Eine Führungskraft gibt hier Benutzernamen und Passwort oder PIN ein; niemand wird abgemeldet.</translation>
    </message>
    <message>
        <source>The approval was not accepted. Check the manager&apos;s user name and password or PIN.</source>
        <translation>Die Genehmigung wurde nicht angenommen. Prüfen Sie Benutzernamen und Passwort oder PIN der Führungskraft.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillReportDialog</name>
    <message>
        <source>Report message</source>
        <translation>Meldung zum Bericht</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Bericht drucken</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Drucken</translation>
    </message>
    <message>
        <source>Print the report on the receipt printer</source>
        <translation>Den Bericht auf dem Bondrucker drucken</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillReportDocument</name>
    <message>
        <source>Pay-in</source>
        <translation>Einzahlung</translation>
    </message>
    <message>
        <source>Pay-out</source>
        <translation>Auszahlung</translation>
    </message>
    <message>
        <source>Safe drop</source>
        <translation>Abschöpfung</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Öffnung ohne Verkauf</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A figure of the till report and how many records it is made of: &quot;Cash sales (3)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Z REPORT</source>
        <translation>Z-BERICHT</translation>
    </message>
    <message>
        <source>X REPORT</source>
        <translation>X-BERICHT</translation>
    </message>
    <message>
        <source>X report — not a close</source>
        <translation>X-Bericht – kein Abschluss</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>KOPIE</translation>
    </message>
    <message>
        <source>Z number</source>
        <translation>Z-Nummer</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Geöffnet von</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Abgeschlossen von</translation>
    </message>
    <message>
        <source>Report made</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Reprinted by</source>
        <translation>Nachgedruckt von</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Wechselgeld</translation>
    </message>
    <message>
        <source>Expected float</source>
        <translation>Soll-Wechselgeld</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Barverkäufe</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Barerstattungen</translation>
    </message>
    <message>
        <source>Pay-ins</source>
        <translation>Einzahlungen</translation>
    </message>
    <message>
        <source>Pay-outs</source>
        <translation>Auszahlungen</translation>
    </message>
    <message>
        <source>Safe drops</source>
        <translation>Abschöpfungen</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Öffnungen ohne Verkauf</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Erwarteter Bargeldbestand</translation>
    </message>
    <message>
        <source>Card totals</source>
        <translation>Kartenumsätze</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>Erste Bestellung</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Letzte Bestellung</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Bewegungen</translation>
    </message>
    <message>
        <source>Bag %1</source>
        <translation>Beutel %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Notiz: %1</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Genehmigt von %1</translation>
    </message>
    <message>
        <source>Counted by denomination</source>
        <translation>Gezählt nach Stückelung</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Genehmigt von</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>Z report %1</source>
        <translation>Z-Bericht %1</translation>
    </message>
    <message>
        <source>X report %1</source>
        <translation>X-Bericht %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Fehlbetrag</translation>
    </message>
    <message>
        <source>No difference</source>
        <translation>Keine Differenz</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Überschuss</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>The difference of a close in words (&quot;Short&quot;, &quot;Over&quot;), then its amount: &quot;Short 2,50 €&quot;.</extracomment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillReportView</name>
    <message>
        <source>Kind of report</source>
        <translation>Art des Berichts</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Nummer des Berichts</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Erwarteter Bargeldbestand</translation>
    </message>
    <message>
        <source>Over or short</source>
        <translation>Überschuss oder Fehlbetrag</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>Text des Berichts</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-Bericht</translation>
    </message>
    <message>
        <source>X report — not a close</source>
        <translation>X-Bericht – kein Abschluss</translation>
    </message>
    <message>
        <source>%1 — COPY</source>
        <translation>%1 – KOPIE</translation>
    </message>
    <message>
        <source>Till report</source>
        <translation>Kassenbericht</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillSessionsDialog</name>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>Liste aktualisieren</translation>
    </message>
    <message>
        <source>Re&amp;print Z report…</source>
        <translation>Z-Bericht &amp;nachdrucken…</translation>
    </message>
    <message>
        <source>Reprint Z report</source>
        <translation>Z-Bericht nachdrucken</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Till sessions</source>
        <translation>Kassensitzungen</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>D&amp;ay:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>Till sessions of the day</source>
        <translation>Kassensitzungen des Tages</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Z number</source>
        <translation>Z-Nummer</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Gezählt</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Reading the sessions of %1…</source>
        <translation>Die Sitzungen vom %1 werden gelesen…</translation>
    </message>
    <message>
        <source>No till was opened on this day.</source>
        <translation>An diesem Tag wurde keine Kasse geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n till session(s).</source>
        <translation>
            <numerusform>%n Kassensitzung.</numerusform>
            <numerusform>%n Kassensitzungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Fetching the Z report…</source>
        <translation>Der Z-Bericht wird geholt…</translation>
    </message>
    <message>
        <source>This till is still open: it has no Z report.</source>
        <translation>Diese Kasse ist noch offen: Sie hat keinen Z-Bericht.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::UnresolvedPaymentsDialog</name>
    <message>
        <source>Unresolved payments</source>
        <translation>Ungeklärte Zahlungen</translation>
    </message>
    <message>
        <source>About unresolved payments</source>
        <translation>Über ungeklärte Zahlungen</translation>
    </message>
    <message>
        <source>StoreDesk cannot know whether these payments went through. Check each on the payment terminal&apos;s journal or in the cash drawer, then mark it as checked.</source>
        <translation>StoreDesk kann nicht wissen, ob diese Zahlungen durchgegangen sind. Prüfen Sie jede im Journal des Zahlungsterminals oder in der Kassenlade und markieren Sie sie dann als geprüft.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Mitarbeiter/in</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Warenkorb</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Mark as checked</source>
        <translation>Als geprüft &amp;markieren</translation>
    </message>
    <message>
        <source>Only a manager can mark a payment as checked.</source>
        <translation>Nur eine Führungskraft kann eine Zahlung als geprüft markieren.</translation>
    </message>
    <message>
        <source>made with another server</source>
        <translation>mit einem anderen Server begonnen</translation>
    </message>
    <message>
        <source>the server no longer knows it</source>
        <translation>der Server kennt sie nicht mehr</translation>
    </message>
    <message>
        <source>No unresolved payments at this workstation.</source>
        <translation>Keine ungeklärten Zahlungen an diesem Arbeitsplatz.</translation>
    </message>
</context>
</TS>
