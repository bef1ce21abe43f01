<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>storedesk::JsonObjectReader</name>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>texte attendu</translation>
    </message>
    <message>
        <source>expected an integer</source>
        <translation>nombre entier attendu</translation>
    </message>
    <message>
        <source>integer out of range (beyond 64 bits)</source>
        <translation>nombre entier hors limites (plus de 64 bits)</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>true ou false attendu</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>nombre attendu</translation>
    </message>
    <message>
        <source>expected an array</source>
        <translation>liste attendue</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>objet attendu</translation>
    </message>
    <message>
        <source>malformed JSON at byte %1: %2</source>
        <translation>JSON mal formé à l’octet %1 : %2</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>objet JSON attendu</translation>
    </message>
</context>
<context>
    <name>storedesk::Money</name>
    <message>
        <source>the amount is too large</source>
        <translation>le montant est trop élevé</translation>
    </message>
    <message>
        <source>unknown currency &quot;%1&quot;</source>
        <translation>devise inconnue « %1 »</translation>
    </message>
    <message>
        <source>%1 amounts need between %2 and %3 fraction digits</source>
        <translation>les montants en %1 ont entre %2 et %3 décimales</translation>
    </message>
    <message>
        <source>expected &quot;centPrecision&quot; or &quot;highPrecision&quot;</source>
        <translation>« centPrecision » ou « highPrecision » attendu</translation>
    </message>
    <message>
        <source>cannot combine %1 with %2</source>
        <translation>impossible de combiner %1 et %2</translation>
    </message>
    <message>
        <source>no currency</source>
        <translation>aucune devise</translation>
    </message>
    <message>
        <source>an amount can only be split into one or more parts</source>
        <translation>un montant ne peut être réparti qu’en une ou plusieurs parts</translation>
    </message>
    <message>
        <source>cannot compare %1 with %2</source>
        <translation>impossible de comparer %1 et %2</translation>
    </message>
</context>
<context>
    <name>storedesk::Order</name>
    <message>
        <source>a return item names exactly one of lineItemId and customLineItemId</source>
        <translation>un article retourné indique exactement un de lineItemId et customLineItemId</translation>
    </message>
</context>
<context>
    <name>storedesk::Reference</name>
    <message>
        <source>a reference needs an id or a key</source>
        <translation>une référence exige un identifiant ou une clé</translation>
    </message>
    <message>
        <source>expected a reference to a &quot;%1&quot;, got %2</source>
        <translation>référence à « %1 » attendue, reçu %2</translation>
    </message>
</context>
<context>
    <name>storedesk::StoreKey</name>
    <message>
        <source>a store key has %1 to %2 characters from A-Z, a-z, 0-9, &apos;_&apos; and &apos;-&apos;</source>
        <translation>une clé de magasin compte %1 à %2 caractères parmi A-Z, a-z, 0-9, « _ » et « - »</translation>
    </message>
    <message>
        <source>the store key is empty: %1</source>
        <translation>la clé de magasin est vide : %1</translation>
    </message>
    <message>
        <source>%1 is not a valid store key: %2</source>
        <translation>%1 n’est pas une clé de magasin valide : %2</translation>
    </message>
</context>
<context>
    <name>storedesk::TaxPortion</name>
    <message>
        <source>expected a rate between 0 and 1</source>
        <translation>taux entre 0 et 1 attendu</translation>
    </message>
</context>
<context>
    <name>storedesk::api::ServerUrl</name>
    <message>
        <source>Enter the server address as a full URL, for example https://pos.example.com/storedesk/v1.</source>
        <translation>Saisissez l’adresse du serveur sous forme d’URL complète, par exemple https://pos.example.com/storedesk/v1.</translation>
    </message>
    <message>
        <source>The server address must start with https://.</source>
        <translation>L’adresse du serveur doit commencer par https://.</translation>
    </message>
    <message>
        <source>The connection to %1 would not be encrypted. Use https://; plain http:// is only allowed for this computer (localhost).</source>
        <translation>La connexion à %1 ne serait pas chiffrée. Utilisez https:// ; http:// n’est autorisé que pour cet ordinateur (localhost).</translation>
    </message>
    <message>
        <source>The server address must not contain a user name or password.</source>
        <translation>L’adresse du serveur ne doit contenir ni nom d’utilisateur ni mot de passe.</translation>
    </message>
    <message>
        <source>The server address must not contain &apos;?&apos; or &apos;#&apos; parts.</source>
        <translation>L’adresse du serveur ne doit pas contenir de partie « ? » ou « # ».</translation>
    </message>
</context>
<context>
    <name>storedesk::app::CommandLine</name>
    <message>
        <source>StoreDesk: point of sale for store colleagues.</source>
        <translation>StoreDesk : point de vente pour les collaborateurs en magasin.</translation>
    </message>
    <message>
        <source>Log debug output of every storedesk.* category to stderr (QT_LOGGING_RULES can narrow it).</source>
        <translation>Journaliser le débogage de toutes les catégories storedesk.* sur stderr (QT_LOGGING_RULES permet de le restreindre).</translation>
    </message>
    <message>
        <source>Use this language and number format (e.g. de_DE, fr_FR).</source>
        <translation>Utiliser cette langue et ce format de nombres (par ex. de_DE, fr_FR).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu : %1</translation>
    </message>
    <message>
        <source>Unknown locale: %1</source>
        <translation>Paramètres régionaux inconnus : %1</translation>
    </message>
</context>
<context>
    <name>storedesk::fields</name>
    <message>
        <source>expected an ISO 8601 date and time, got %1</source>
        <translation>date et heure ISO 8601 attendues, reçu %1</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>ne doit pas être négatif</translation>
    </message>
    <message>
        <source>unknown value %1 (expected one of %2)</source>
        <translation>valeur inconnue %1 (attendu : une parmi %2)</translation>
    </message>
    <message>
        <source>expected %1 like the rest of the document, got %2</source>
        <translation>%1 attendu comme dans le reste du document, reçu %2</translation>
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
        <translation>Aucun panier ouvert</translation>
    </message>
    <message>
        <source>This workstation is not set up yet. A manager connects it to the integration server and picks the store, location and workstation.</source>
        <translation>Ce poste n’est pas encore configuré. Un responsable le connecte au serveur d’intégration et choisit le magasin, l’emplacement et le poste.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Server connection</source>
        <translation>Connexion au serveur</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About StoreDesk</source>
        <translation>À &amp;propos de StoreDesk</translation>
    </message>
    <message>
        <source>About StoreDesk</source>
        <translation>À propos de StoreDesk</translation>
    </message>
    <message>
        <source>StoreDesk %1</source>
        <translation>StoreDesk %1</translation>
    </message>
    <message>
        <source>Point of sale for store colleagues: carts, payments and refunds, through your integration server.</source>
        <translation>Point de vente pour les collaborateurs en magasin : paniers, paiements et remboursements, via votre serveur d’intégration.</translation>
    </message>
</context>
</TS>
