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
    <message>
        <source>Enter an amount such as %1.</source>
        <translation>Saisissez un montant comme %1.</translation>
    </message>
    <message>
        <source>%1 amounts have no decimals.</source>
        <translation>Les montants en %1 n&apos;ont pas de décimales.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has at most %n decimal.</source>
        <translation>
            <numerusform>Les montants en %1 ont au plus %n décimale.</numerusform>
            <numerusform>Les montants en %1 ont au plus %n décimales.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has at most %n decimals.</source>
        <translation>
            <numerusform>Les montants en %1 ont au plus %n décimale.</numerusform>
            <numerusform>Les montants en %1 ont au plus %n décimales.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>storedesk::Order</name>
    <message>
        <source>a return item names exactly one of lineItemId and customLineItemId</source>
        <translation>un article retourné indique exactement un de lineItemId et customLineItemId</translation>
    </message>
    <message>
        <source>expected an amount in the order&apos;s currency %1</source>
        <translation>montant dans la devise de la commande (%1) attendu</translation>
    </message>
</context>
<context>
    <name>storedesk::Receipt</name>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
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
    <name>storedesk::TillCount</name>
    <message>
        <source>A till cannot count %1.</source>
        <translation>Une caisse ne peut pas compter en %1.</translation>
    </message>
    <message>
        <source>%1 is not a note or coin of %2.</source>
        <translation>%1 n’est ni un billet ni une pièce en %2.</translation>
    </message>
    <message>
        <source>Each note and coin may be counted once.</source>
        <translation>Chaque billet et chaque pièce ne se compte qu’une fois.</translation>
    </message>
    <message>
        <source>A count is between 0 and %1 pieces.</source>
        <translation>Un nombre va de 0 à %1 pièces.</translation>
    </message>
    <message>
        <source>A count lists its notes and coins.</source>
        <translation>Un comptage liste ses billets et ses pièces.</translation>
    </message>
    <message>
        <source>Each counted note or coin needs a whole value and count.</source>
        <translation>Chaque billet ou pièce compté a besoin d’une valeur et d’un nombre entiers.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::ApiError</name>
    <message>
        <source>The server address is not encrypted. Use https://; plain http:// is only allowed for this computer.</source>
        <translation>L&apos;adresse du serveur n&apos;est pas chiffrée. Utilisez https:// ; http:// simple n&apos;est autorisé que pour cet ordinateur.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again.</source>
        <translation>Le serveur n&apos;a pas répondu à temps. Réessayez.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>Le serveur est injoignable. Vérifiez la connexion réseau.</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified (certificate problem). The connection was refused; ask IT to check the server certificate.</source>
        <translation>L&apos;identité du serveur n&apos;a pas pu être vérifiée (problème de certificat). La connexion a été refusée ; demandez au service informatique de vérifier le certificat du serveur.</translation>
    </message>
    <message>
        <source>The server sent an answer StoreDesk does not understand.</source>
        <translation>Le serveur a envoyé une réponse que StoreDesk ne comprend pas.</translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation>Le serveur a refusé la demande comme invalide.</translation>
    </message>
    <message>
        <source>Your session has ended. Log in again.</source>
        <translation>Votre session est terminée. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>You are not allowed to do this here.</source>
        <translation>Vous n&apos;êtes pas autorisé à faire cela ici.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Introuvable.</translation>
    </message>
    <message>
        <source>Someone else changed this in the meantime. Refresh and try again.</source>
        <translation>Quelqu&apos;un d&apos;autre l&apos;a modifié entre-temps. Actualisez et réessayez.</translation>
    </message>
    <message>
        <source>The commerce system is not answering. Try again in a moment.</source>
        <translation>Le système de commerce ne répond pas. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The server ran into a problem. Try again; if it persists, tell IT.</source>
        <translation>Le serveur a rencontré un problème. Réessayez ; si cela persiste, prévenez le service informatique.</translation>
    </message>
    <message>
        <source>The server sent an answer StoreDesk does not understand (%1).</source>
        <translation>Le serveur a envoyé une réponse que StoreDesk ne comprend pas (%1).</translation>
    </message>
    <message>
        <source>%1 (reference: %2)</source>
        <translation>%1 (référence : %2)</translation>
    </message>
    <message>
        <source>The till is not open: cash can only be taken into an open till. Open the till (count the float), then try again.</source>
        <translation>La caisse n’est pas ouverte : les espèces ne peuvent entrer que dans une caisse ouverte. Ouvrez la caisse (comptez le fond de caisse), puis réessayez.</translation>
    </message>
    <message>
        <source>The till of this workstation is open already. Refresh to see it.</source>
        <translation>La caisse de ce poste est déjà ouverte. Actualisez pour la voir.</translation>
    </message>
    <message>
        <source>A payment at this till is still under way. Finish it, then close the till.</source>
        <translation>Un paiement est encore en cours à cette caisse. Terminez-le, puis clôturez la caisse.</translation>
    </message>
    <message>
        <source>The drawer does not hold that much cash. Check the amount.</source>
        <translation>Le tiroir-caisse ne contient pas autant d’espèces. Vérifiez le montant.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::CartJob</name>
    <message>
        <source>There is no such cart in this store.</source>
        <translation>Ce panier n&apos;existe pas dans ce magasin.</translation>
    </message>
    <message>
        <source>This is not a cart code.</source>
        <translation>Ce n&apos;est pas un code de panier.</translation>
    </message>
    <message>
        <source>This session may not open carts of this store.</source>
        <translation>Cette session ne peut pas ouvrir les paniers de ce magasin.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::CloseTillJob</name>
    <message>
        <source>expected a Z report, got an X report</source>
        <translation>rapport Z attendu, rapport X reçu</translation>
    </message>
    <message>
        <source>The approval was refused: the manager&apos;s user name or secret is wrong, or they may not approve this here.</source>
        <translation>L’autorisation a été refusée : le nom d’utilisateur ou le mot de passe/code PIN du responsable est incorrect, ou ce responsable ne peut pas l’autoriser ici.</translation>
    </message>
    <message>
        <source>The difference between the count and the expected cash needs a manager&apos;s approval and a reason.</source>
        <translation>L’écart entre le comptage et les espèces attendues nécessite l’autorisation d’un responsable et un motif.</translation>
    </message>
    <message>
        <source>The till is not open (it may have been closed already). Refresh.</source>
        <translation>La caisse n’est pas ouverte (elle a peut-être déjà été clôturée). Actualisez.</translation>
    </message>
    <message>
        <source>The server refused the count or the reason. Check them and try again.</source>
        <translation>Le serveur a refusé le comptage ou le motif. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>This attempt to close the till was already used for another count.</source>
        <translation>Cette tentative de clôture de la caisse a déjà servi pour un autre comptage.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::FindCartsJob</name>
    <message>
        <source>Enter a cart key or a complete e-mail address.</source>
        <translation>Saisissez une clé de panier ou une adresse e-mail complète.</translation>
    </message>
    <message>
        <source>This session may not search carts of this store.</source>
        <translation>Cette session ne peut pas rechercher les paniers de ce magasin.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::LoginJob</name>
    <message>
        <source>The user name or the password/PIN is wrong.</source>
        <translation>Le nom d&apos;utilisateur ou le mot de passe/code PIN est incorrect.</translation>
    </message>
    <message>
        <source>This user is not set up to work in this store.</source>
        <translation>Cet utilisateur n&apos;est pas configuré pour travailler dans ce magasin.</translation>
    </message>
    <message>
        <source>The server does not serve the store this workstation is set up for. A manager must set the workstation up again.</source>
        <translation>Le serveur ne dessert pas le magasin pour lequel ce poste est configuré. Un responsable doit reconfigurer le poste.</translation>
    </message>
    <message>
        <source>The server refused the login: the user name, the password/PIN or the workstation is not valid.</source>
        <translation>Le serveur a refusé la connexion : le nom d&apos;utilisateur, le mot de passe/code PIN ou le poste n&apos;est pas valide.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins. Try again in %n second(s).</source>
        <translation>
            <numerusform>Trop de connexions échouées. Réessayez dans %n seconde.</numerusform>
            <numerusform>Trop de connexions échouées. Réessayez dans %n secondes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>storedesk::api::OpenTillJob</name>
    <message>
        <source>The server refused the count of the float. Check the counts and try again.</source>
        <translation>Le serveur a refusé le comptage du fond de caisse. Vérifiez les nombres et réessayez.</translation>
    </message>
    <message>
        <source>This attempt to open the till was already used for another count.</source>
        <translation>Cette tentative d’ouverture de la caisse a déjà servi pour un autre comptage.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::OrderLookupJob</name>
    <message>
        <source>There is no order with this number in this store.</source>
        <translation>Aucune commande avec ce numéro dans ce magasin.</translation>
    </message>
    <message>
        <source>This is not an order number.</source>
        <translation>Ce n&apos;est pas un numéro de commande.</translation>
    </message>
    <message>
        <source>This session may not open orders of this store.</source>
        <translation>Cette session ne peut pas ouvrir les commandes de ce magasin.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::PaymentStatusJob</name>
    <message>
        <source>The server does not know this payment.</source>
        <translation>Le serveur ne connaît pas ce paiement.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::PlaceOrderJob</name>
    <message>
        <source>The cart is not paid in full yet, or it changed meanwhile.</source>
        <translation>Le panier n&apos;est pas encore entièrement payé, ou il a été modifié entre-temps.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::PriceCheckJob</name>
    <message>
        <source>No product with this code is sold in this store.</source>
        <translation>Aucun produit avec ce code n&apos;est vendu dans ce magasin.</translation>
    </message>
    <message>
        <source>This is not a product code.</source>
        <translation>Ce n&apos;est pas un code produit.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::RefundJob</name>
    <message>
        <source>The approval was refused: the manager&apos;s user name or secret is wrong, or they may not approve refunds here.</source>
        <translation>L&apos;autorisation a été refusée : le nom d&apos;utilisateur ou le mot de passe/code PIN du responsable est incorrect, ou ce responsable ne peut pas autoriser de remboursements ici.</translation>
    </message>
    <message>
        <source>This refund needs a manager&apos;s approval.</source>
        <translation>Ce remboursement nécessite l&apos;autorisation d&apos;un responsable.</translation>
    </message>
    <message numerus="yes">
        <source>Only %n unit(s) of a line can still be refunded. Look the order up again.</source>
        <translation>
            <numerusform>Il ne reste que %n unité remboursable sur une ligne. Recherchez à nouveau la commande.</numerusform>
            <numerusform>Il ne reste que %n unités remboursables sur une ligne. Recherchez à nouveau la commande.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused this refund as invalid. Look the order up again.</source>
        <translation>Le serveur a refusé ce remboursement comme invalide. Recherchez à nouveau la commande.</translation>
    </message>
    <message>
        <source>This order cannot be refunded as chosen: it changed meanwhile, or there is no payment left to refund to. Look it up again.</source>
        <translation>Cette commande ne peut pas être remboursée comme choisi : elle a été modifiée entre-temps, ou il ne reste aucun paiement sur lequel rembourser. Recherchez-la à nouveau.</translation>
    </message>
    <message>
        <source>There is no such order in this store.</source>
        <translation>Cette commande n&apos;existe pas dans ce magasin.</translation>
    </message>
    <message>
        <source>This session may not refund orders of this store.</source>
        <translation>Cette session ne peut pas rembourser les commandes de ce magasin.</translation>
    </message>
    <message>
        <source>The payment provider declined the refund. No money moved.</source>
        <translation>Le prestataire de paiement a refusé le remboursement. Aucun mouvement d&apos;argent n&apos;a eu lieu.</translation>
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
    <name>storedesk::api::SetExpectedFloatJob</name>
    <message>
        <source>Only a manager of this store may set the expected float.</source>
        <translation>Seul un responsable de ce magasin peut fixer le fond de caisse prévu.</translation>
    </message>
    <message>
        <source>The server refused this amount as the expected float.</source>
        <translation>Le serveur a refusé ce montant comme fond de caisse prévu.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::StartPaymentJob</name>
    <message>
        <source>Nothing is left to pay on this cart.</source>
        <translation>Il ne reste rien à payer sur ce panier.</translation>
    </message>
    <message>
        <source>The amount is more than the open balance (%1).</source>
        <translation>Le montant dépasse le solde restant (%1).</translation>
    </message>
    <message>
        <source>This workstation does not take this tender.</source>
        <translation>Ce poste n&apos;accepte pas ce moyen de paiement.</translation>
    </message>
    <message>
        <source>There is no such cart in this store.</source>
        <translation>Ce panier n&apos;existe pas dans ce magasin.</translation>
    </message>
    <message>
        <source>The payment is still being set up.</source>
        <translation>Le paiement est encore en cours de préparation.</translation>
    </message>
    <message>
        <source>This payment attempt was already used for another amount.</source>
        <translation>Cette tentative de paiement a déjà été utilisée pour un autre montant.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::StoresJob</name>
    <message>
        <source>Only a manager can set a workstation up.</source>
        <translation>Seul un responsable peut configurer un poste.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::TillMovementJob</name>
    <message>
        <source>The approval was refused: the manager&apos;s user name or secret is wrong, or they may not approve this here.</source>
        <translation>L’autorisation a été refusée : le nom d’utilisateur ou le mot de passe/code PIN du responsable est incorrect, ou ce responsable ne peut pas l’autoriser ici.</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s approval.</source>
        <translation>Cela nécessite l’autorisation d’un responsable.</translation>
    </message>
    <message>
        <source>The server refused this movement as invalid: check the amount, the reason and the bag number.</source>
        <translation>Le serveur a refusé ce mouvement comme invalide : vérifiez le montant, le motif et le numéro de sac.</translation>
    </message>
    <message>
        <source>This attempt was already used for another movement.</source>
        <translation>Cette tentative a déjà servi pour un autre mouvement.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::TillReport</name>
    <message>
        <source>is not the sum of the count</source>
        <translation>n’est pas la somme du comptage</translation>
    </message>
    <message>
        <source>a no sale has no amount</source>
        <translation>une ouverture sans vente n’a pas de montant</translation>
    </message>
    <message>
        <source>expected a positive amount</source>
        <translation>montant positif attendu</translation>
    </message>
    <message>
        <source>is not the total of floatCount</source>
        <translation>n’est pas le total de floatCount</translation>
    </message>
    <message>
        <source>is not the total of count</source>
        <translation>n’est pas le total de count</translation>
    </message>
    <message>
        <source>is not float + cash sales − cash refunds + pay-ins − pay-outs − safe drops</source>
        <translation>n’est pas fond de caisse + ventes en espèces − remboursements en espèces + entrées − sorties − dépôts au coffre</translation>
    </message>
    <message>
        <source>is not counted − expected</source>
        <translation>n’est pas compté − attendu</translation>
    </message>
    <message>
        <source>expected a date (YYYY-MM-DD), got %1</source>
        <translation>date (AAAA-MM-JJ) attendue, reçu %1</translation>
    </message>
</context>
<context>
    <name>storedesk::api::TillSessionsJob</name>
    <message>
        <source>Only a manager of this store may list its till sessions.</source>
        <translation>Seul un responsable de ce magasin peut lister ses sessions de caisse.</translation>
    </message>
    <message>
        <source>The server does not know this store.</source>
        <translation>Le serveur ne connaît pas ce magasin.</translation>
    </message>
    <message>
        <source>The server refused this day.</source>
        <translation>Le serveur a refusé ce jour.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::TillStatusJob</name>
    <message>
        <source>This session may not use the till of this workstation. Log in at this workstation.</source>
        <translation>Cette session ne peut pas utiliser la caisse de ce poste. Connectez-vous à ce poste.</translation>
    </message>
    <message>
        <source>The server does not know this store or workstation.</source>
        <translation>Le serveur ne connaît pas ce magasin ou ce poste.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::XReportJob</name>
    <message>
        <source>expected an X report, got a Z report</source>
        <translation>rapport X attendu, rapport Z reçu</translation>
    </message>
    <message>
        <source>The till is not open: there is no session to report on.</source>
        <translation>La caisse n’est pas ouverte : il n’y a pas de session sur laquelle faire un rapport.</translation>
    </message>
</context>
<context>
    <name>storedesk::api::ZReportJob</name>
    <message>
        <source>expected a Z report, got an X report</source>
        <translation>rapport Z attendu, rapport X reçu</translation>
    </message>
    <message>
        <source>There is no Z report for this session: it may still be open.</source>
        <translation>Il n’y a pas de rapport Z pour cette session : elle est peut-être encore ouverte.</translation>
    </message>
    <message>
        <source>Only a manager, or a colleague at that workstation, may reprint this Z report.</source>
        <translation>Seul un responsable, ou un collègue à ce poste, peut réimprimer ce rapport Z.</translation>
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
    <name>storedesk::config::WorkstationConfig</name>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après minutes d&apos;inactivité</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>%1 is managed by your IT department and cannot be changed here.</source>
        <translation>%1 est géré par votre service informatique et ne peut pas être modifié ici.</translation>
    </message>
    <message>
        <source>The settings cannot be written.</source>
        <translation>Les paramètres ne peuvent pas être enregistrés.</translation>
    </message>
    <message>
        <source>Lock after 1 to %1 idle minutes.</source>
        <translation>Verrouiller après 1 à %1 minutes d&apos;inactivité.</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1.</source>
        <translation>Les paramètres n&apos;ont pas pu être enregistrés dans %1.</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Imprimante de tickets</translation>
    </message>
    <message>
        <source>Characters per line</source>
        <translation>Caractères par ligne</translation>
    </message>
    <message>
        <source>Cash drawer pin</source>
        <translation>Broche du tiroir-caisse</translation>
    </message>
    <message>
        <source>Cash drawer pulse (ms)</source>
        <translation>Impulsion du tiroir-caisse (ms)</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Afficheur client</translation>
    </message>
    <message>
        <source>A receipt printer prints 42 or 48 characters per line.</source>
        <translation>Une imprimante de tickets imprime 42 ou 48 caractères par ligne.</translation>
    </message>
    <message>
        <source>The cash drawer is on pin 2 or pin 5.</source>
        <translation>Le tiroir-caisse est sur la broche 2 ou la broche 5.</translation>
    </message>
    <message>
        <source>The cash drawer pulse lasts 50 to 500 ms.</source>
        <translation>L’impulsion du tiroir-caisse dure de 50 à 500 ms.</translation>
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
    <name>storedesk::flows::DeclineReason</name>
    <message>
        <source>Card declined by issuer.</source>
        <translation>Carte refusée par la banque émettrice.</translation>
    </message>
    <message>
        <source>Payment terminal unreachable.</source>
        <translation>Terminal de paiement injoignable.</translation>
    </message>
    <message>
        <source>Payment provider unreachable.</source>
        <translation>Prestataire de paiement injoignable.</translation>
    </message>
    <message>
        <source>Cancelled before the terminal was asked.</source>
        <translation>Annulé avant que le terminal ne soit sollicité.</translation>
    </message>
    <message>
        <source>No answer from the payment provider yet.</source>
        <translation>Pas encore de réponse du prestataire de paiement.</translation>
    </message>
    <message>
        <source>The payment provider&apos;s answer could not be verified.</source>
        <translation>La réponse du prestataire de paiement n&apos;a pas pu être vérifiée.</translation>
    </message>
    <message>
        <source>The payment provider&apos;s answer could not be read.</source>
        <translation>La réponse du prestataire de paiement n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>The payment provider refused the request (HTTP %1).</source>
        <translation>Le prestataire de paiement a rejeté la demande (HTTP %1).</translation>
    </message>
    <message>
        <source>The payment provider answered HTTP %1.</source>
        <translation>Le prestataire de paiement a répondu HTTP %1.</translation>
    </message>
</context>
<context>
    <name>storedesk::flows::PaymentFlow</name>
    <message>
        <source>The payment was not started: StoreDesk cannot write to its data folder (%1).</source>
        <translation>Le paiement n&apos;a pas été lancé : StoreDesk ne peut pas écrire dans son dossier de données (%1).</translation>
    </message>
    <message>
        <source>This payment was started with another server; StoreDesk cannot learn its outcome. Check the payment terminal or the cash drawer.</source>
        <translation>Ce paiement a été commencé avec un autre serveur ; StoreDesk ne peut pas en connaître le résultat. Vérifiez le terminal de paiement ou le tiroir-caisse.</translation>
    </message>
    <message>
        <source>The server no longer knows this payment; its outcome is unknown. Check the payment terminal or the cash drawer.</source>
        <translation>Le serveur ne connaît plus ce paiement ; son résultat est inconnu. Vérifiez le terminal de paiement ou le tiroir-caisse.</translation>
    </message>
</context>
<context>
    <name>storedesk::flows::RefundDraft</name>
    <message>
        <source>Damaged or faulty</source>
        <translation>Endommagé ou défectueux</translation>
    </message>
    <message>
        <source>Wrong size or colour</source>
        <translation>Mauvaise taille ou couleur</translation>
    </message>
    <message>
        <source>Changed mind</source>
        <translation>Changement d&apos;avis</translation>
    </message>
    <message>
        <source>Not as described</source>
        <translation>Non conforme à la description</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message numerus="yes">
        <source>Only %n unit(s) of this line can be refunded.</source>
        <translation>
            <numerusform>Cette ligne n&apos;a que %n unité remboursable.</numerusform>
            <numerusform>Cette ligne n&apos;a que %n unités remboursables.</numerusform>
        </translation>
    </message>
    <message>
        <source>The line has no amount.</source>
        <translation>La ligne n&apos;a pas de montant.</translation>
    </message>
    <message>
        <source>No order is open.</source>
        <translation>Aucune commande n&apos;est ouverte.</translation>
    </message>
    <message>
        <source>Look an order up first.</source>
        <translation>Recherchez d&apos;abord une commande.</translation>
    </message>
    <message>
        <source>Choose how many units of which lines to refund.</source>
        <translation>Choisissez les lignes et le nombre d&apos;unités à rembourser.</translation>
    </message>
    <message>
        <source>Choose a reason for the refund.</source>
        <translation>Choisissez un motif de remboursement.</translation>
    </message>
</context>
<context>
    <name>storedesk::flows::RefundSession</name>
    <message>
        <source>Finish or cancel this refund before looking up another order.</source>
        <translation>Terminez ou annulez ce remboursement avant de rechercher une autre commande.</translation>
    </message>
    <message>
        <source>Scan the receipt or type the order number.</source>
        <translation>Scannez le ticket ou saisissez le numéro de commande.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Choose how many units to refund and a reason.</source>
        <translation>Choisissez le nombre d&apos;unités à rembourser et un motif.</translation>
    </message>
    <message>
        <source>Everything of this order has been refunded already.</source>
        <translation>Tout a déjà été remboursé sur cette commande.</translation>
    </message>
    <message>
        <source>Looking up order %1…</source>
        <translation>Recherche de la commande %1…</translation>
    </message>
    <message>
        <source>Not refunded: no manager approved it.</source>
        <translation>Non remboursé : aucun responsable ne l&apos;a autorisé.</translation>
    </message>
    <message>
        <source>Refunding…</source>
        <translation>Remboursement en cours…</translation>
    </message>
    <message>
        <source>Checking the approval…</source>
        <translation>Vérification de l&apos;autorisation…</translation>
    </message>
    <message>
        <source>Checking whether the refund went through… A refund is never paid out twice.</source>
        <translation>Vérification de l&apos;aboutissement du remboursement… Un remboursement n&apos;est jamais versé deux fois.</translation>
    </message>
    <message>
        <source>The refund is done.</source>
        <translation>Le remboursement est effectué.</translation>
    </message>
    <message>
        <source>Not refunded yet: waiting for a manager&apos;s approval.</source>
        <translation>Pas encore remboursé : en attente de l&apos;autorisation d&apos;un responsable.</translation>
    </message>
    <message>
        <source>Stopped checking. Whether the refund went through is not known yet: press Check outcome to ask again — it is never paid out twice.</source>
        <translation>Vérification arrêtée. On ne sait pas encore si le remboursement a abouti : appuyez sur Vérifier le résultat pour redemander — il n&apos;est jamais versé deux fois.</translation>
    </message>
    <message>
        <source>%1 Whether the refund went through is not known yet: press Check outcome to ask again — it is never paid out twice.</source>
        <translation>%1 On ne sait pas encore si le remboursement a abouti : appuyez sur Vérifier le résultat pour redemander — il n&apos;est jamais versé deux fois.</translation>
    </message>
</context>
<context>
    <name>storedesk::flows::TillDay</name>
    <message>
        <source>StoreDesk is not connected to a server.</source>
        <translation>StoreDesk n’est connecté à aucun serveur.</translation>
    </message>
    <message>
        <source>The till is still waiting for the server. Try again when it has answered.</source>
        <translation>La caisse attend encore le serveur. Réessayez quand il aura répondu.</translation>
    </message>
    <message>
        <source>Whether the till&apos;s last request went through is not known yet. Ask the server again first.</source>
        <translation>On ne sait pas encore si la dernière demande de la caisse a abouti. Interrogez d’abord à nouveau le serveur.</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero.</source>
        <translation>Saisissez un montant supérieur à zéro.</translation>
    </message>
    <message>
        <source>Enter the number of the safe bag.</source>
        <translation>Saisissez le numéro du sac de dépôt.</translation>
    </message>
    <message numerus="yes">
        <source>Give a reason for the difference (at most %n character(s)).</source>
        <translation>
            <numerusform>Indiquez un motif pour l’écart (%n caractère au plus).</numerusform>
            <numerusform>Indiquez un motif pour l’écart (%n caractères au plus).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>storedesk::hardware::EscPosPrinter</name>
    <message>
        <source>The receipt printer cannot be reached. Check that it is switched on and connected.</source>
        <translation>L&apos;imprimante de tickets est injoignable. Vérifiez qu&apos;elle est allumée et connectée.</translation>
    </message>
    <message>
        <source>The receipt printer is offline.</source>
        <translation>L&apos;imprimante de tickets est hors ligne.</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper.</source>
        <translation>L&apos;imprimante de tickets n&apos;a plus de papier.</translation>
    </message>
    <message>
        <source>The receipt printer&apos;s cover is open.</source>
        <translation>Le capot de l&apos;imprimante de tickets est ouvert.</translation>
    </message>
    <message>
        <source>The receipt printer does not answer.</source>
        <translation>L&apos;imprimante de tickets ne répond pas.</translation>
    </message>
    <message>
        <source>The receipt could not be sent to the printer.</source>
        <translation>Le ticket de caisse n&apos;a pas pu être envoyé à l&apos;imprimante.</translation>
    </message>
</context>
<context>
    <name>storedesk::hardware::PrinterAddress</name>
    <message>
        <source>%1 Use &quot;system&quot;, &quot;escpos-tcp://host[:port]&quot; or &quot;escpos-usb:///dev/usb/lp0&quot;.</source>
        <translation>%1 Utilisez « system », « escpos-tcp://hôte[:port] » ou « escpos-usb:///dev/usb/lp0 ».</translation>
    </message>
    <message>
        <source>The printer&apos;s address has an unclosed &quot;[&quot;.</source>
        <translation>Il manque le « ] » fermant dans l&apos;adresse de l&apos;imprimante.</translation>
    </message>
    <message>
        <source>The printer&apos;s address is not valid.</source>
        <translation>L&apos;adresse de l&apos;imprimante n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The printer&apos;s port must be a number from 1 to 65535.</source>
        <translation>Le port de l&apos;imprimante doit être un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <source>The printer&apos;s host name is missing or not valid.</source>
        <translation>Le nom d&apos;hôte de l&apos;imprimante est absent ou non valide.</translation>
    </message>
    <message>
        <source>The printer&apos;s device must be an absolute path, e.g. /dev/usb/lp0.</source>
        <translation>Le périphérique de l&apos;imprimante doit être un chemin absolu, par ex. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a receipt printer address.</source>
        <translation>« %1 » n&apos;est pas une adresse d&apos;imprimante de tickets.</translation>
    </message>
</context>
<context>
    <name>storedesk::hardware::TestPage</name>
    <message>
        <source>Test page</source>
        <translation>Page de test</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Magasin : %1</translation>
    </message>
    <message>
        <source>Workstation: %1</source>
        <translation>Poste : %1</translation>
    </message>
    <message>
        <source>Printer: %1</source>
        <translation>Imprimante : %1</translation>
    </message>
    <message>
        <source>Characters per line: %1</source>
        <translation>Caractères par ligne : %1</translation>
    </message>
</context>
<context>
    <name>storedesk::session::Session</name>
    <message>
        <source>StoreDesk is still busy with the previous login. Try again in a moment.</source>
        <translation>StoreDesk traite encore la connexion précédente. Réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>storedesk::session::TokenVault</name>
    <message>
        <source>No saved login was found in the keychain.</source>
        <translation>Aucune connexion enregistrée n&apos;a été trouvée dans le trousseau.</translation>
    </message>
    <message>
        <source>The system keychain is not available (no Secret Service is running). StoreDesk keeps your login only there; ask IT to enable the keychain, then try again.</source>
        <translation>Le trousseau du système n&apos;est pas disponible (aucun Secret Service actif). StoreDesk conserve votre connexion uniquement là ; demandez au service informatique d&apos;activer le trousseau, puis réessayez.</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access. Unlock it (or allow StoreDesk access), then try again.</source>
        <translation>Le trousseau du système est verrouillé ou a refusé l&apos;accès. Déverrouillez-le (ou autorisez l&apos;accès à StoreDesk), puis réessayez.</translation>
    </message>
    <message>
        <source>The system keychain reported a problem. Try again; if it persists, tell IT.</source>
        <translation>Le trousseau du système a signalé un problème. Réessayez ; si cela persiste, prévenez le service informatique.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CartLinesModel</name>
    <message>
        <source>%1 (gift)</source>
        <translation>%1 (cadeau)</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total de la ligne</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CartView</name>
    <message>
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Cart state</source>
        <translation>État du panier</translation>
    </message>
    <message>
        <source>Tax portions</source>
        <translation>Parts de taxe</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Open balance</source>
        <translation>Solde restant</translation>
    </message>
    <message>
        <source>Cart lines</source>
        <translation>Lignes du panier</translation>
    </message>
    <message>
        <source>Taxes:</source>
        <translation>Taxes :</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Total :</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>Payé :</translation>
    </message>
    <message>
        <source>Open balance:</source>
        <translation>Solde restant :</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Fusionné</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Commandé</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>Gelé</translation>
    </message>
    <message>
        <source>Cart %1</source>
        <translation>Panier %1</translation>
    </message>
    <message>
        <source>No customer</source>
        <translation>Aucun client</translation>
    </message>
    <message>
        <source>Customer: %1</source>
        <translation>Client : %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>État : %1</translation>
    </message>
    <message>
        <source>%1: %2 included</source>
        <translation>%1 : %2 inclus</translation>
    </message>
    <message>
        <source>%1 tax included</source>
        <translation>%1 de taxes incluses</translation>
    </message>
    <message>
        <source>not calculated</source>
        <translation>non calculées</translation>
    </message>
    <message>
        <source>see payments</source>
        <translation>voir les paiements</translation>
    </message>
    <message>
        <source>No cart open</source>
        <translation>Aucun panier ouvert</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s), amount being checked</source>
        <translation>
            <numerusform>%n paiement, montant en cours de vérification</numerusform>
            <numerusform>%n paiements, montant en cours de vérification</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (and %2 in progress)</source>
        <translation>%1 (et %2 en cours)</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CartWorkspace</name>
    <message>
        <source>Cart lookup</source>
        <translation>Recherche de panier</translation>
    </message>
    <message>
        <source>Scan or type a cart id, cart key or customer e-mail</source>
        <translation>Scannez ou saisissez un identifiant, une clé de panier ou l&apos;e-mail du client</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Lookup message</source>
        <translation>Message de recherche</translation>
    </message>
    <message>
        <source>Carts</source>
        <translation>Paniers</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Carts found</source>
        <translation>Paniers trouvés</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Articles</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <source>This is not a cart id, cart key or e-mail address.</source>
        <translation>Ce n&apos;est ni un identifiant de panier, ni une clé de panier, ni une adresse e-mail.</translation>
    </message>
    <message>
        <source>There is no cart with this key in this store.</source>
        <translation>Aucun panier avec cette clé dans ce magasin.</translation>
    </message>
    <message>
        <source>Looking up the cart…</source>
        <translation>Recherche du panier…</translation>
    </message>
    <message>
        <source>Looking up the customer&apos;s carts…</source>
        <translation>Recherche des paniers du client…</translation>
    </message>
    <message>
        <source>Opening the cart…</source>
        <translation>Ouverture du panier…</translation>
    </message>
    <message>
        <source>Loading recent carts…</source>
        <translation>Chargement des paniers récents…</translation>
    </message>
    <message>
        <source>No carts found.</source>
        <translation>Aucun panier trouvé.</translation>
    </message>
    <message numerus="yes">
        <source>%n cart(s) found.</source>
        <translation>
            <numerusform>%n panier trouvé.</numerusform>
            <numerusform>%n paniers trouvés.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Recent carts (F3)</source>
        <translation>Paniers récents (F3)</translation>
    </message>
    <message>
        <source>Recent carts</source>
        <translation>Paniers récents</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Actualiser (F5)</translation>
    </message>
    <message>
        <source>Refresh the cart</source>
        <translation>Actualiser le panier</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Close the list of carts</source>
        <translation>Fermer la liste des paniers</translation>
    </message>
    <message>
        <source>The store&apos;s most recently changed carts (F3)</source>
        <translation>Les paniers modifiés le plus récemment dans le magasin (F3)</translation>
    </message>
    <message>
        <source>Read the open cart again (F5)</source>
        <translation>Relire le panier ouvert (F5)</translation>
    </message>
    <message>
        <source>Carts of %1</source>
        <translation>Paniers de %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CloseTillDialog</name>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Count the cash in the drawer: how many of each note and coin. What the drawer should hold is shown only after you have submitted the count.</source>
        <translation>Comptez les espèces du tiroir : combien de chaque billet et de chaque pièce. Ce que le tiroir devrait contenir n&apos;est affiché qu&apos;après la validation du comptage.</translation>
    </message>
    <message>
        <source>&amp;Submit count</source>
        <translation>&amp;Valider le comptage</translation>
    </message>
    <message>
        <source>Why a manager must approve</source>
        <translation>Pourquoi un responsable doit autoriser</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Espèces attendues</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>Espèces comptées</translation>
    </message>
    <message>
        <source>Over or short</source>
        <translation>Excédent ou manque</translation>
    </message>
    <message>
        <source>Reason for the difference</source>
        <translation>Raison de l&apos;écart</translation>
    </message>
    <message>
        <source>Cou&amp;nt again</source>
        <translation>Re&amp;compter</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Recompter</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close till</source>
        <translation>Fermer la caisse</translation>
    </message>
    <message>
        <source>Expected in the drawer:</source>
        <translation>Attendu dans le tiroir :</translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation>Compté :</translation>
    </message>
    <message>
        <source>&amp;Reason for the difference:</source>
        <translation>&amp;Raison de l&apos;écart :</translation>
    </message>
    <message>
        <source>Enter the reason for the difference first.</source>
        <translation>Saisissez d&apos;abord la raison de l&apos;écart.</translation>
    </message>
    <message>
        <source>Whether the till was closed is not known. Submit again to ask the server about the same count.</source>
        <translation>On ne sait pas si la caisse a été fermée. Validez de nouveau pour interroger le serveur sur le même comptage.</translation>
    </message>
    <message>
        <source>Closing the till…</source>
        <translation>Fermeture de la caisse…</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Short: %1</source>
        <translation>Manque : %1</translation>
    </message>
    <message>
        <source>Over: %1</source>
        <translation>Excédent : %1</translation>
    </message>
    <message>
        <source>The count differs from what the drawer should hold by more than %1. Give the reason; a manager approves the close here, nobody is logged out.</source>
        <translation>Le comptage s&apos;écarte de plus de %1 de ce que le tiroir devrait contenir. Indiquez la raison ; un responsable autorise la fermeture ici, personne n&apos;est déconnecté.</translation>
    </message>
    <message>
        <source>The count differs from what the drawer should hold. Give the reason; a manager approves the close here, nobody is logged out.</source>
        <translation>Le comptage s&apos;écarte de ce que le tiroir devrait contenir. Indiquez la raison ; un responsable autorise la fermeture ici, personne n&apos;est déconnecté.</translation>
    </message>
    <message>
        <source>A manager approves the difference.</source>
        <translation>Un responsable autorise l&apos;écart.</translation>
    </message>
    <message>
        <source>The approval was not accepted. Check the manager&apos;s user name and password or PIN.</source>
        <translation>L&apos;autorisation n&apos;a pas été acceptée. Vérifiez le nom d&apos;utilisateur et le mot de passe ou code PIN du responsable.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CountGrid</name>
    <message>
        <source>Counted total</source>
        <translation>Total compté</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Notes and coins</source>
        <translation>Billets et pièces</translation>
    </message>
    <message>
        <source>%1 note</source>
        <translation>Billet de %1</translation>
    </message>
    <message>
        <source>%1 coin</source>
        <translation>Pièce de %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Billet</translation>
    </message>
    <message>
        <source>Coin</source>
        <translation>Pièce</translation>
    </message>
    <message>
        <source>Number of %1 notes</source>
        <translation>Nombre de billets de %1</translation>
    </message>
    <message>
        <source>Number of %1 coins</source>
        <translation>Nombre de pièces de %1</translation>
    </message>
    <message>
        <source>Value of the %1 counted</source>
        <translation>Valeur des %1 comptés</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::CustomerDisplay</name>
    <message>
        <source>Customer display</source>
        <translation>Afficheur client</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Earlier lines</source>
        <translation>Articles précédents</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Payé</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Reste à payer</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Numéro de commande</translation>
    </message>
    <message>
        <source>Amount refunded</source>
        <translation>Montant remboursé</translation>
    </message>
    <message>
        <source>Refunded to</source>
        <translation>Remboursé sur</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Welcome to %1</source>
        <translation>Bienvenue chez %1</translation>
    </message>
    <message>
        <source>Please follow the instructions on the terminal</source>
        <translation>Veuillez suivre les instructions du terminal de paiement</translation>
    </message>
    <message>
        <source>Your purchase</source>
        <translation>Vos achats</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <source>Paid %1</source>
        <translation>Payé %1</translation>
    </message>
    <message>
        <source>Still to pay %1</source>
        <translation>Reste à payer %1</translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation>Merci pour vos achats !</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Merci !</translation>
    </message>
    <message>
        <source>Order number %1</source>
        <translation>Numéro de commande %1</translation>
    </message>
    <message>
        <source>Your refund</source>
        <translation>Votre remboursement</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier line(s)</source>
        <translation>
            <numerusform>%n article précédent</numerusform>
            <numerusform>%n articles précédents</numerusform>
        </translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <source>%1 ×</source>
        <translation>%1 ×</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>Total de la ligne</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Article</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ExpectedFloatDialog</name>
    <message>
        <source>Current expected float</source>
        <translation>Fond de caisse prévu actuel</translation>
    </message>
    <message>
        <source>Expected float</source>
        <translation>Fond de caisse prévu</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save expected float</source>
        <translation>Enregistrer le fond de caisse prévu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>About the expected float</source>
        <translation>À propos du fond de caisse prévu</translation>
    </message>
    <message>
        <source>The float the till of %1 should open with. Colleagues see the difference to what they count when they open the till.</source>
        <translation>Le fond de caisse avec lequel la caisse %1 doit ouvrir. À l’ouverture, les collègues voient l’écart avec ce qu’ils comptent.</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Actuellement : %1</translation>
    </message>
    <message>
        <source>Now: none set</source>
        <translation>Actuellement : aucun</translation>
    </message>
    <message>
        <source>&amp;Amount (%1):</source>
        <translation>&amp;Montant (%1) :</translation>
    </message>
    <message>
        <source>The till&apos;s currency is not known; refresh the till&apos;s status.</source>
        <translation>La devise de la caisse est inconnue ; actualisez l’état de la caisse.</translation>
    </message>
    <message>
        <source>The expected float cannot be negative.</source>
        <translation>Le fond de caisse prévu ne peut pas être négatif.</translation>
    </message>
    <message>
        <source>Type the amount, e.g. %1.</source>
        <translation>Saisissez le montant, par ex. %1.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::Keypad</name>
    <message>
        <source>Decimal separator</source>
        <translation>Séparateur décimal</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>Effacer le dernier caractère</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::LockPage</name>
    <message>
        <source>Locked session</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Mot de passe ou code PIN</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Other user&apos;s name</source>
        <translation>Nom de l&apos;autre utilisateur</translation>
    </message>
    <message>
        <source>Other user&apos;s password or PIN</source>
        <translation>Mot de passe ou code PIN de l&apos;autre utilisateur</translation>
    </message>
    <message>
        <source>Lock message</source>
        <translation>Message de verrouillage</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <source>Another user</source>
        <translation>Autre utilisateur</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>&amp;Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <source>Pass&amp;word or PIN:</source>
        <translation>Mot de passe ou &amp;code PIN :</translation>
    </message>
    <message>
        <source>StoreDesk is locked. %1 is logged in; unlock with your password or PIN, or log in as another user (%1 is then logged out).</source>
        <translation>StoreDesk est verrouillé. %1 est connecté ; déverrouillez avec votre mot de passe ou code PIN, ou connectez-vous en tant qu&apos;autre utilisateur (%1 est alors déconnecté).</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Enter your password or PIN.</source>
        <translation>Saisissez votre mot de passe ou code PIN.</translation>
    </message>
    <message>
        <source>Enter the other user&apos;s name and password or PIN.</source>
        <translation>Saisissez le nom et le mot de passe ou code PIN de l&apos;autre utilisateur.</translation>
    </message>
    <message>
        <source>Log in as &amp;another user…</source>
        <translation>Se connecter en tant qu&apos;a&amp;utre utilisateur…</translation>
    </message>
    <message>
        <source>Log in as another user</source>
        <translation>Se connecter en tant qu&apos;autre utilisateur</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <comment>the other user logs in at the lock</comment>
        <translation>Se connec&amp;ter</translation>
    </message>
    <message>
        <source>Keypad for the PIN</source>
        <translation>Pavé numérique pour le code PIN</translation>
    </message>
    <message>
        <source>Password or P&amp;IN:</source>
        <translation>Mot de passe ou code P&amp;IN :</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::LoginPage</name>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>Mot de passe ou code PIN</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>Se connec&amp;ter</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>Message de connexion</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Log in to StoreDesk</source>
        <translation>Se connecter à StoreDesk</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Enter your user name and your password or PIN.</source>
        <translation>Saisissez votre nom d&apos;utilisateur et votre mot de passe ou code PIN.</translation>
    </message>
    <message>
        <source>Keypad for the PIN</source>
        <translation>Pavé numérique pour le code PIN</translation>
    </message>
    <message>
        <source>Pass&amp;word or PIN:</source>
        <translation>Mot de passe ou &amp;code PIN :</translation>
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
    <message>
        <source>Set up this workstation</source>
        <translation>Configurer ce poste</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>The server cannot be reached. The cart on screen stays readable; looking up carts, price checks and logging in need the server. StoreDesk keeps trying and reconnects by itself.</source>
        <translation>Le serveur est injoignable. Le panier affiché reste lisible ; la recherche de paniers, la vérification des prix et la connexion ont besoin du serveur. StoreDesk continue d&apos;essayer et se reconnecte tout seul.</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>&amp;Cart</source>
        <translation>&amp;Panier</translation>
    </message>
    <message>
        <source>&amp;Find cart</source>
        <translation>&amp;Rechercher un panier</translation>
    </message>
    <message>
        <source>&amp;Recent carts</source>
        <translation>Paniers ré&amp;cents</translation>
    </message>
    <message>
        <source>&amp;Price check…</source>
        <translation>&amp;Vérifier un prix…</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Workstation setup…</source>
        <translation>&amp;Configuration du poste…</translation>
    </message>
    <message>
        <source>Store %1 · Workstation %2</source>
        <translation>Magasin %1 · Poste %2</translation>
    </message>
    <message>
        <source>Resuming your session…</source>
        <translation>Reprise de votre session…</translation>
    </message>
    <message>
        <source>Not set up</source>
        <translation>Non configuré</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Utilisateur : %1</translation>
    </message>
    <message>
        <source>Nobody logged in</source>
        <translation>Personne n&apos;est connecté</translation>
    </message>
    <message>
        <source>Server online</source>
        <translation>Serveur en ligne</translation>
    </message>
    <message>
        <source>Server online, commerce system not answering</source>
        <translation>Serveur en ligne, le système de commerce ne répond pas</translation>
    </message>
    <message>
        <source>Server offline</source>
        <translation>Serveur hors ligne</translation>
    </message>
    <message>
        <source>You have been logged out.</source>
        <translation>Vous avez été déconnecté.</translation>
    </message>
    <message>
        <source>Workstation setup</source>
        <translation>Configuration du poste</translation>
    </message>
    <message>
        <source>Only a manager can change the workstation setup. Ask a manager to log in.</source>
        <translation>Seul un responsable peut modifier la configuration du poste. Demandez à un responsable de se connecter.</translation>
    </message>
    <message>
        <source>The workstation is set up. Log in to start.</source>
        <translation>Le poste est configuré. Connectez-vous pour commencer.</translation>
    </message>
    <message>
        <source>&amp;Cancel / back</source>
        <translation>A&amp;nnuler / retour</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>Paie&amp;ment</translation>
    </message>
    <message>
        <source>Pay in &amp;cash</source>
        <translation>Payer en &amp;espèces</translation>
    </message>
    <message>
        <source>Pay by car&amp;d</source>
        <translation>Payer par &amp;carte</translation>
    </message>
    <message>
        <source>&amp;Next customer</source>
        <translation>Client s&amp;uivant</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>C&amp;ommandes</translation>
    </message>
    <message>
        <source>Find order / &amp;Refund…</source>
        <translation>Rechercher une commande / &amp;Rembourser…</translation>
    </message>
    <message>
        <source>A payment for this cart is in progress. Wait for its outcome or cancel it before opening another cart.</source>
        <translation>Un paiement est en cours pour ce panier. Attendez son résultat ou annulez-le avant d’ouvrir un autre panier.</translation>
    </message>
    <message>
        <source>&amp;Unresolved payments…</source>
        <translation>Paiements non &amp;résolus…</translation>
    </message>
    <message>
        <source>Set &amp;up this workstation… (F9)</source>
        <translation>&amp;Configurer ce poste… (F9)</translation>
    </message>
    <message>
        <source>R&amp;efresh cart</source>
        <translation>Ac&amp;tualiser le panier</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>The till is open.</source>
        <translation>La caisse est ouverte.</translation>
    </message>
    <message>
        <source>Till not open</source>
        <translation>Caisse non ouverte</translation>
    </message>
    <message>
        <source>The till is not open, so cash cannot be taken. Open the till with the float, then take the payment again.</source>
        <translation>La caisse n&apos;est pas ouverte : aucune espèce ne peut être encaissée. Ouvrez la caisse avec le fonds de caisse, puis encaissez de nouveau.</translation>
    </message>
    <message>
        <source>Open till now… (Ctrl+Shift+O)</source>
        <translation>Ouvrir la caisse maintenant… (Ctrl+Maj+O)</translation>
    </message>
    <message>
        <source>Open till now</source>
        <translation>Ouvrir la caisse maintenant</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Caisse</translation>
    </message>
    <message>
        <source>&amp;Till</source>
        <translation>Caiss&amp;e</translation>
    </message>
    <message>
        <source>&amp;Open till…</source>
        <translation>&amp;Ouvrir la caisse…</translation>
    </message>
    <message>
        <source>Pay &amp;in…</source>
        <translation>&amp;Entrée d&apos;espèces…</translation>
    </message>
    <message>
        <source>Pay o&amp;ut…</source>
        <translation>&amp;Sortie d&apos;espèces…</translation>
    </message>
    <message>
        <source>Safe &amp;drop…</source>
        <translation>&amp;Dépôt au coffre…</translation>
    </message>
    <message>
        <source>&amp;No sale…</source>
        <translation>Sans &amp;vente…</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>Rapport &amp;X</translation>
    </message>
    <message>
        <source>&amp;Close till…</source>
        <translation>&amp;Fermer la caisse…</translation>
    </message>
    <message>
        <source>Till &amp;sessions…</source>
        <translation>Sess&amp;ions de caisse…</translation>
    </message>
    <message>
        <source>&amp;Expected float…</source>
        <translation>Fonds de caisse &amp;attendu…</translation>
    </message>
    <message>
        <source>Log in first.</source>
        <translation>Connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>Unlock the workstation first.</source>
        <translation>Déverrouillez d&apos;abord le poste.</translation>
    </message>
    <message>
        <source>Only a manager can do this. Ask a manager to log in.</source>
        <translation>Seul un responsable peut le faire. Demandez à un responsable de se connecter.</translation>
    </message>
    <message>
        <source>The till&apos;s status is not known yet: the server has not answered.</source>
        <translation>L&apos;état de la caisse n&apos;est pas encore connu : le serveur n&apos;a pas répondu.</translation>
    </message>
    <message>
        <source>This workstation has no cash drawer.</source>
        <translation>Ce poste n&apos;a pas de tiroir-caisse.</translation>
    </message>
    <message>
        <source>The till is busy with another request.</source>
        <translation>La caisse est occupée par une autre demande.</translation>
    </message>
    <message>
        <source>The till is open already.</source>
        <translation>La caisse est déjà ouverte.</translation>
    </message>
    <message>
        <source>The till is not open. Open it first (Ctrl+Shift+O).</source>
        <translation>La caisse n&apos;est pas ouverte. Ouvrez-la d&apos;abord (Ctrl+Maj+O).</translation>
    </message>
    <message>
        <source>No cash drawer</source>
        <translation>Pas de tiroir-caisse</translation>
    </message>
    <message>
        <source>Till open</source>
        <translation>Caisse ouverte</translation>
    </message>
    <message>
        <source>Till closed</source>
        <translation>Caisse fermée</translation>
    </message>
    <message>
        <source>The till is not open, so cash cannot be handed back. Open the till with the float, then refund again.</source>
        <translation>La caisse n&apos;est pas ouverte : aucune espèce ne peut être rendue. Ouvrez la caisse avec le fonds de caisse, puis remboursez de nouveau.</translation>
    </message>
    <message>
        <source>Open till now…</source>
        <translation>Ouvrir la caisse maintenant…</translation>
    </message>
    <message>
        <source>%1 of %2 recorded.</source>
        <translation>%1 de %2 enregistrée.</translation>
    </message>
    <message>
        <source>%1 recorded.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>Reading the X report…</source>
        <translation>Lecture du rapport X…</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Imprimante de tickets</translation>
    </message>
    <message>
        <source>&amp;Reprint</source>
        <translation>Réimprimer (tic&amp;ket)</translation>
    </message>
    <message>
        <source>Print the document again</source>
        <translation>Imprimer à nouveau le document</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <source>Cash drawer open</source>
        <translation>Tiroir-caisse ouvert</translation>
    </message>
    <message>
        <source>The cash drawer did not open: %1</source>
        <translation>Le tiroir-caisse ne s’est pas ouvert : %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ManagerApprovalPanel</name>
    <message>
        <source>Manager approval</source>
        <translation>Autorisation du responsable</translation>
    </message>
    <message>
        <source>Why a manager must approve</source>
        <translation>Pourquoi un responsable doit autoriser</translation>
    </message>
    <message>
        <source>Manager&apos;s user name</source>
        <translation>Nom d&apos;utilisateur du responsable</translation>
    </message>
    <message>
        <source>Manager&apos;s password or PIN</source>
        <translation>Mot de passe ou code PIN du responsable</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Autoriser</translation>
    </message>
    <message>
        <source>Cancel appro&amp;val</source>
        <translation>Annuler l&apos;autori&amp;sation</translation>
    </message>
    <message>
        <source>Cancel approval</source>
        <translation>Annuler l&apos;autorisation</translation>
    </message>
    <message>
        <source>Approval message</source>
        <translation>Message d&apos;autorisation</translation>
    </message>
    <message>
        <source>Manager&apos;s &amp;user name:</source>
        <translation>Nom d&apos;&amp;utilisateur du responsable :</translation>
    </message>
    <message>
        <source>Manager&apos;s pass&amp;word or PIN:</source>
        <translation>Mot de &amp;passe ou code PIN du responsable :</translation>
    </message>
    <message>
        <source>The refund of %1 is above what this store refunds without a manager.</source>
        <translation>Le remboursement de %1 dépasse ce que ce magasin rembourse sans autorisation d&apos;un responsable.</translation>
    </message>
    <message>
        <source>The refund is above what this store refunds without a manager.</source>
        <translation>Le remboursement dépasse ce que ce magasin rembourse sans autorisation d&apos;un responsable.</translation>
    </message>
    <message>
        <source>The order is older than this store refunds without a manager.</source>
        <translation>La commande est trop ancienne pour que ce magasin la rembourse sans autorisation d&apos;un responsable.</translation>
    </message>
    <message>
        <source>This refund needs a manager&apos;s approval.</source>
        <translation>Ce remboursement nécessite l&apos;autorisation d&apos;un responsable.</translation>
    </message>
    <message>
        <source>A manager enters their user name and password or PIN here; nobody is logged out.</source>
        <translation>Un responsable saisit ici son nom d&apos;utilisateur et son mot de passe ou code PIN ; personne n&apos;est déconnecté.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s user name.</source>
        <translation>Saisissez le nom d&apos;utilisateur du responsable.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s password or PIN.</source>
        <translation>Saisissez le mot de passe ou code PIN du responsable.</translation>
    </message>
    <message>
        <source>Checking the approval…</source>
        <translation>Vérification de l&apos;autorisation…</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::OpenTillDialog</name>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Count the float in the drawer: how many of each note and coin. The total adds itself up.</source>
        <translation>Comptez le fonds de caisse dans le tiroir : combien de chaque billet et de chaque pièce. Le total se calcule tout seul.</translation>
    </message>
    <message>
        <source>Expected float</source>
        <translation>Fonds de caisse attendu</translation>
    </message>
    <message>
        <source>Difference to the expected float</source>
        <translation>Écart avec le fonds de caisse attendu</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Open till</source>
        <translation>&amp;Ouvrir la caisse</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Open till</source>
        <translation>Ouvrir la caisse</translation>
    </message>
    <message>
        <source>Count the float first: enter how many of each note and coin are in the drawer.</source>
        <translation>Comptez d&apos;abord le fonds de caisse : saisissez combien de billets et de pièces de chaque sorte sont dans le tiroir.</translation>
    </message>
    <message>
        <source>Opening the till…</source>
        <translation>Ouverture de la caisse…</translation>
    </message>
    <message>
        <source>Expected float: %1</source>
        <translation>Fonds de caisse attendu : %1</translation>
    </message>
    <message>
        <source>The count matches the expected float.</source>
        <translation>Le comptage correspond au fonds de caisse attendu.</translation>
    </message>
    <message>
        <source>%1 less than expected</source>
        <translation>%1 de moins que prévu</translation>
    </message>
    <message>
        <source>%1 more than expected</source>
        <translation>%1 de plus que prévu</translation>
    </message>
    <message>
        <source>Whether the till was opened is not known. Press Open till again to ask the server with the same count.</source>
        <translation>On ne sait pas si la caisse a été ouverte. Appuyez de nouveau sur « Ouvrir la caisse » pour interroger le serveur avec le même comptage.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::PaymentPanel</name>
    <message>
        <source>Payment</source>
        <translation>Paiement</translation>
    </message>
    <message>
        <source>Open a cart to take payment.</source>
        <translation>Ouvrez un panier pour encaisser.</translation>
    </message>
    <message>
        <source>Open balance</source>
        <translation>Solde restant</translation>
    </message>
    <message>
        <source>Paid so far</source>
        <translation>Déjà payé</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>Montant à payer</translation>
    </message>
    <message>
        <source>Payment message</source>
        <translation>Message de paiement</translation>
    </message>
    <message>
        <source>Cash due</source>
        <translation>À payer en espèces</translation>
    </message>
    <message>
        <source>Cash handed over</source>
        <translation>Espèces remises</translation>
    </message>
    <message>
        <source>Empty: the exact amount</source>
        <translation>Vide : le montant exact</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>Monnaie à rendre</translation>
    </message>
    <message>
        <source>Confir&amp;m cash</source>
        <translation>&amp;Valider les espèces</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>Re&amp;tour</translation>
    </message>
    <message>
        <source>Cash han&amp;ded over:</source>
        <translation>Espèces &amp;remises :</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Payment status</source>
        <translation>État du paiement</translation>
    </message>
    <message>
        <source>Payment in progress</source>
        <translation>Paiement en cours</translation>
    </message>
    <message>
        <source>Cancel pa&amp;yment</source>
        <translation>A&amp;nnuler le paiement</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Numéro de commande</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>État de la commande</translation>
    </message>
    <message>
        <source>Complete the order &amp;again</source>
        <translation>&amp;Finaliser à nouveau la commande</translation>
    </message>
    <message>
        <source>Print rece&amp;ipt…</source>
        <translation>&amp;Imprimer le ticket…</translation>
    </message>
    <message>
        <source>&amp;Next customer</source>
        <translation>Client s&amp;uivant</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>Entièrement payé</translation>
    </message>
    <message>
        <source>Completing the order…</source>
        <translation>Finalisation de la commande…</translation>
    </message>
    <message>
        <source>The payment is complete, but the order could not be completed yet: %1</source>
        <translation>Le paiement est terminé, mais la commande n&apos;a pas encore pu être finalisée : %1</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Cash (F11)</source>
        <translation>Espèces (F11)</translation>
    </message>
    <message>
        <source>Card (F12)</source>
        <translation>Carte (F12)</translation>
    </message>
    <message>
        <source>Pay with %1</source>
        <translation>Paiement : %1</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Paid: %1 of %2</source>
        <translation>Payé : %1 sur %2</translation>
    </message>
    <message>
        <source>Paid: %1 of %2 · in progress: %3</source>
        <translation>Payé : %1 sur %2 · en cours : %3</translation>
    </message>
    <message>
        <source>Enter an amount above zero.</source>
        <translation>Saisissez un montant supérieur à zéro.</translation>
    </message>
    <message>
        <source>The amount is more than the open balance (%1).</source>
        <translation>Le montant dépasse le solde restant (%1).</translation>
    </message>
    <message>
        <source>Customer hands over %1</source>
        <translation>Le client remet %1</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>Il manque %1</translation>
    </message>
    <message>
        <source>A payment is already in progress for this cart.</source>
        <translation>Un paiement est déjà en cours pour ce panier.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Sending the payment to the terminal…</source>
        <translation>Envoi du paiement au terminal…</translation>
    </message>
    <message>
        <source>Recording the payment…</source>
        <translation>Enregistrement du paiement…</translation>
    </message>
    <message>
        <source>Waiting for the customer&apos;s card on the terminal…</source>
        <translation>En attente de la carte du client sur le terminal…</translation>
    </message>
    <message>
        <source>Cancelling… The terminal may still approve; StoreDesk shows what it answers.</source>
        <translation>Annulation… Le terminal peut encore accepter le paiement ; StoreDesk affiche sa réponse.</translation>
    </message>
    <message>
        <source>No clear answer yet (%1). Asking for the status of this payment; it will not be charged twice.</source>
        <translation>Pas encore de réponse claire (%1). Demande de l&apos;état de ce paiement ; il ne sera pas débité deux fois.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 taken. Change due: %2</source>
        <translation>Paiement encaissé : %1. Monnaie à rendre : %2</translation>
    </message>
    <message>
        <source>%1 taken.</source>
        <translation>Paiement encaissé : %1.</translation>
    </message>
    <message>
        <source>%1 declined. Choose another tender.</source>
        <translation>Paiement refusé : %1. Choisissez un autre moyen de paiement.</translation>
    </message>
    <message>
        <source>%1 declined: %2 Choose another tender.</source>
        <translation>Paiement refusé (%1) : %2 Choisissez un autre moyen de paiement.</translation>
    </message>
    <message>
        <source>%1 cancelled; nothing was taken.</source>
        <translation>Paiement annulé (%1) ; rien n&apos;a été encaissé.</translation>
    </message>
    <message>
        <source>%1 not taken: %2</source>
        <translation>Paiement non encaissé (%1) : %2</translation>
    </message>
    <message>
        <source>Take the payment &amp;now</source>
        <translation>Encaisser main&amp;tenant</translation>
    </message>
    <message>
        <source>Disca&amp;rd (nothing was taken)</source>
        <translation>Abandonne&amp;r (rien n’a été encaissé)</translation>
    </message>
    <message>
        <source>No answer from the server for a while. The customer MAY HAVE BEEN CHARGED: check the terminal&apos;s slip before taking another payment. StoreDesk keeps asking and shows the outcome as soon as it arrives.</source>
        <translation>Le serveur ne répond plus depuis un moment. Le client A PEUT-ÊTRE ÉTÉ DÉBITÉ : vérifiez le ticket du terminal avant d’encaisser un autre paiement. StoreDesk continue de demander et affiche le résultat dès qu’il arrive.</translation>
    </message>
    <message>
        <source>No answer from the server for a while. This cash payment MAY HAVE BEEN BOOKED: keep the cash in hand until StoreDesk shows the outcome. StoreDesk keeps asking.</source>
        <translation>Le serveur ne répond plus depuis un moment. Ce paiement en espèces A PEUT-ÊTRE ÉTÉ ENREGISTRÉ : gardez les espèces jusqu’à ce que StoreDesk affiche le résultat. StoreDesk continue de demander.</translation>
    </message>
    <message>
        <source>StoreDesk stopped before this payment was confirmed. Asking the server whether it received it…</source>
        <translation>StoreDesk s’est arrêté avant la confirmation de ce paiement. Le serveur est interrogé pour savoir s’il l’a reçu…</translation>
    </message>
    <message>
        <source>This card payment (started %1) never reached the server: the customer was not charged through StoreDesk. Take the payment now, or discard it.</source>
        <translation>Ce paiement par carte (commencé %1) n’a jamais atteint le serveur : le client n’a rien payé via StoreDesk. Encaissez-le maintenant ou abandonnez-le.</translation>
    </message>
    <message>
        <source>This cash payment (started %1) never reached the server: nothing was booked. If %2 in cash is in hand for it, take the payment now; otherwise discard it.</source>
        <translation>Ce paiement en espèces (commencé %1) n’a jamais atteint le serveur : rien n’a été enregistré. Si vous avez %2 en espèces pour lui, encaissez-le maintenant ; sinon abandonnez-le.</translation>
    </message>
    <message>
        <source>%1: OUTCOME UNKNOWN. %2 It is listed under Payment &gt; Unresolved payments for a manager.</source>
        <translation>%1 : RÉSULTAT INCONNU. %2 Il figure dans Paiement &gt; Paiements non résolus pour un responsable.</translation>
    </message>
    <message>
        <source>%1 discarded; nothing was taken.</source>
        <translation>%1 abandonné ; rien n’a été encaissé.</translation>
    </message>
    <message>
        <source>Provider&apos;s words</source>
        <translation>Termes du prestataire</translation>
    </message>
    <message>
        <source>Amount (F10)</source>
        <translation>Montant (F10)</translation>
    </message>
    <message>
        <source>Cash message</source>
        <translation>Message sur le paiement en espèces</translation>
    </message>
    <message>
        <source>The amount just changed to %1. Check it, then choose %2 again.</source>
        <translation>Le montant vient de passer à %1. Vérifiez-le, puis choisissez à nouveau %2.</translation>
    </message>
    <message>
        <source>Exact %1</source>
        <translation>Montant exact %1</translation>
    </message>
    <message>
        <source>Customer hands over %1 (%2)</source>
        <translation>Le client remet %1 (%2)</translation>
    </message>
    <message>
        <source>The terminal&apos;s words: %1</source>
        <translation>Termes du terminal : %1</translation>
    </message>
    <message>
        <source>Offer the receipt, then go on with the next customer.</source>
        <translation>Proposez le ticket, puis passez au client suivant.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::PriceCheckDialog</name>
    <message>
        <source>Product code</source>
        <translation>Code produit</translation>
    </message>
    <message>
        <source>Scan or type a SKU or EAN</source>
        <translation>Scannez ou saisissez une référence ou un EAN</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Price check message</source>
        <translation>Message de vérification du prix</translation>
    </message>
    <message>
        <source>Price check</source>
        <translation>Vérification du prix</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code :</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produit :</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Prix :</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Scan or type a product code.</source>
        <translation>Scannez ou saisissez un code produit.</translation>
    </message>
    <message>
        <source>%1 (instead of %2)</source>
        <translation>%1 (au lieu de %2)</translation>
    </message>
    <message>
        <source>SKU %1</source>
        <translation>Référence %1</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>aucun prix</translation>
    </message>
    <message>
        <source>This product has no price in this store.</source>
        <translation>Ce produit n&apos;a pas de prix dans ce magasin.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Check &amp;price</source>
        <translation>&amp;Vérifier le prix</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ReceiptDesk</name>
    <message>
        <source>The receipt cannot be made: %1</source>
        <translation>Le ticket ne peut pas être créé : %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ReceiptDialog</name>
    <message>
        <source>Receipt message</source>
        <translation>Message du ticket</translation>
    </message>
    <message>
        <source>Pre&amp;view…</source>
        <translation>&amp;Aperçu…</translation>
    </message>
    <message>
        <source>Preview receipt</source>
        <translation>Aperçu du ticket</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Imprimer le ticket</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Enregistrer le ticket en PDF</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Refund receipt %1</source>
        <translation>Ticket de remboursement %1</translation>
    </message>
    <message>
        <source>Receipt text</source>
        <translation>Texte du ticket</translation>
    </message>
    <message>
        <source>Kind of receipt</source>
        <translation>Type de ticket</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Numéro de commande</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Ticket de caisse</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Ticket de remboursement</translation>
    </message>
    <message>
        <source>Order number as a barcode</source>
        <translation>Numéro de commande en code-barres</translation>
    </message>
    <message>
        <source>Order number %1 as a barcode</source>
        <translation>Numéro de commande %1 en code-barres</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ReceiptDocument</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>RECEIPT</source>
        <translation>TICKET DE CAISSE</translation>
    </message>
    <message>
        <source>REFUND</source>
        <translation>REMBOURSEMENT</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>DUPLICATA</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>Servi par</translation>
    </message>
    <message>
        <source>Refund ID</source>
        <translation>ID remboursement</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Versé</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Rendu</translation>
    </message>
    <message>
        <source>%1 (gift)</source>
        <translation>%1 (cadeau)</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Taxes not calculated</source>
        <translation>Taxes non calculées</translation>
    </message>
    <message>
        <source>VAT %1</source>
        <translation>TVA %1</translation>
    </message>
    <message>
        <source>incl. %1</source>
        <translation>dont %1</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>dont TVA</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Total HT</translation>
    </message>
    <message>
        <source>Thank you for your purchase!</source>
        <translation>Merci de votre achat !</translation>
    </message>
    <message>
        <source>%1 returned</source>
        <translation>%1 retourné(s)</translation>
    </message>
    <message>
        <source>Refund total</source>
        <translation>Total remboursé</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Autorisé par</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <source>Refund receipt %1</source>
        <translation>Ticket de remboursement %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::ReceiptPrinter</name>
    <message>
        <source>The PDF file could not be written.</source>
        <translation>Le fichier PDF n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <source>The printer %1 cannot be used.</source>
        <translation>L&apos;imprimante %1 ne peut pas être utilisée.</translation>
    </message>
    <message>
        <source>The printer stopped after page %1.</source>
        <translation>L&apos;imprimante s&apos;est arrêtée après la page %1.</translation>
    </message>
    <message>
        <source>The receipt could not be finished on the printer.</source>
        <translation>L&apos;impression du ticket n&apos;a pas pu être terminée.</translation>
    </message>
    <message>
        <source>No file was chosen for the PDF.</source>
        <translation>Aucun fichier n&apos;a été choisi pour le PDF.</translation>
    </message>
    <message>
        <source>Receipt roll</source>
        <translation>Rouleau de tickets</translation>
    </message>
    <message>
        <source>Receipt preview</source>
        <translation>Aperçu du ticket</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved as %1: %2</source>
        <translation>Le PDF n’a pas pu être enregistré sous %1 : %2</translation>
    </message>
    <message>
        <source>The PDF could not be saved as %1: the file is empty.</source>
        <translation>Le PDF n’a pas pu être enregistré sous %1 : le fichier est vide.</translation>
    </message>
    <message>
        <source>Print %1</source>
        <translation>Imprimer %1</translation>
    </message>
    <message>
        <source>%1 was sent to %2.</source>
        <translation>%1 a été envoyé à %2.</translation>
    </message>
    <message>
        <source>Save %1 as PDF</source>
        <translation>Enregistrer %1 en PDF</translation>
    </message>
    <message>
        <source>%1 was saved as %2.</source>
        <translation>%1 a été enregistré sous %2.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::RefundDialog</name>
    <message>
        <source>Order number</source>
        <translation>Numéro de commande</translation>
    </message>
    <message>
        <source>Scan the receipt or type the order number</source>
        <translation>Scannez le ticket ou saisissez le numéro de commande</translation>
    </message>
    <message>
        <source>&amp;Look up</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>Repr&amp;int receipt</source>
        <translation>Réimprimer le &amp;ticket</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Quantities to refund</source>
        <translation>Quantités à rembourser</translation>
    </message>
    <message>
        <source>Refund reason</source>
        <translation>Motif du remboursement</translation>
    </message>
    <message>
        <source>Refund total</source>
        <translation>Total à rembourser</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Rembourser</translation>
    </message>
    <message>
        <source>Canc&amp;el</source>
        <translation>Annu&amp;ler</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Refund message</source>
        <translation>Message de remboursement</translation>
    </message>
    <message>
        <source>Find order / Refund</source>
        <translation>Rechercher une commande / Rembourser</translation>
    </message>
    <message>
        <source>Find order and refund</source>
        <translation>Rechercher une commande et rembourser</translation>
    </message>
    <message>
        <source>&amp;Quantities to refund:</source>
        <translation>&amp;Quantités à rembourser :</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <source>Order lines</source>
        <translation>Lignes de la commande</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <translation>Choisissez un motif</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Order &amp;number:</source>
        <translation>&amp;Numéro de commande :</translation>
    </message>
    <message>
        <source>Order %1 · %2 · total %3</source>
        <translation>Commande %1 · %2 · total %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>paid: %1</source>
        <translation>payé : %1</translation>
    </message>
    <message>
        <source>Refund total: %1</source>
        <translation>Total à rembourser : %1</translation>
    </message>
    <message>
        <source>C&amp;heck outcome</source>
        <translation>&amp;Vérifier le résultat</translation>
    </message>
    <message>
        <source>Check outcome</source>
        <translation>Vérifier le résultat</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <source>Find the order to refund</source>
        <translation>Rechercher la commande à rembourser</translation>
    </message>
    <message>
        <source>Scan the barcode on the customer&apos;s receipt, or type the order number and press Enter.</source>
        <translation>Scannez le code-barres du ticket du client, ou saisissez le numéro de commande et appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Keypad</source>
        <translation>Pavé numérique</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::RefundLinesEditor</name>
    <message>
        <source>Order lines</source>
        <translation>Lignes de la commande</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Acheté</translation>
    </message>
    <message>
        <source>Already refunded</source>
        <translation>Déjà remboursé</translation>
    </message>
    <message>
        <source>Refundable</source>
        <translation>Remboursable</translation>
    </message>
    <message>
        <source>Refund now</source>
        <translation>À rembourser</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Quantity to refund: %1</source>
        <translation>Quantité à rembourser : %1</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::RefundResultView</name>
    <message>
        <source>Refund result</source>
        <translation>Résultat du remboursement</translation>
    </message>
    <message>
        <source>&amp;Print refund receipt</source>
        <translation>&amp;Imprimer le ticket de remboursement</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>T&amp;erminé</translation>
    </message>
    <message>
        <source>Refunded per tender</source>
        <translation>Remboursé par moyen de paiement</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <source>Refunded %1 for order %2.</source>
        <translation>%1 remboursé pour la commande %2.</translation>
    </message>
    <message>
        <source>Approved by %1.</source>
        <translation>Autorisé par %1.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::RollPrinter</name>
    <message>
        <source>The receipt</source>
        <translation>Le ticket de caisse</translation>
    </message>
    <message>
        <source>The refund receipt</source>
        <translation>Le ticket de remboursement</translation>
    </message>
    <message>
        <source>The Z report</source>
        <translation>Le rapport Z</translation>
    </message>
    <message>
        <source>The X report</source>
        <translation>Le rapport X</translation>
    </message>
    <message>
        <source>%1 was printed.</source>
        <translation>%1 a été imprimé.</translation>
    </message>
    <message>
        <source>%1 was not printed: %2</source>
        <translation>%1 n’a pas été imprimé : %2</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::SetupDialog</name>
    <message>
        <source>Your IT department manages this setting.</source>
        <translation>Ce paramètre est géré par votre service informatique.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <source>Connection check result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>Manager user name</source>
        <translation>Nom d&apos;utilisateur du responsable</translation>
    </message>
    <message>
        <source>Manager password or PIN</source>
        <translation>Mot de passe ou code PIN du responsable</translation>
    </message>
    <message>
        <source>&amp;Log in as manager</source>
        <translation>Se connecter en tant que &amp;responsable</translation>
    </message>
    <message>
        <source>Manager login result</source>
        <translation>Résultat de la connexion du responsable</translation>
    </message>
    <message>
        <source>Setup message</source>
        <translation>Message de configuration</translation>
    </message>
    <message>
        <source>2. Manager login</source>
        <translation>2. Connexion du responsable</translation>
    </message>
    <message>
        <source>3. Store, location and workstation</source>
        <translation>3. Magasin, emplacement et poste</translation>
    </message>
    <message>
        <source>Workstation setup</source>
        <translation>Configuration du poste</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Verrouiller après minutes d&apos;inactivité</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Manager login</source>
        <translation>Connexion du responsable</translation>
    </message>
    <message>
        <source>Store, location and workstation</source>
        <translation>Magasin, emplacement et poste</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>1. Integration server</source>
        <translation>1. Serveur d&apos;intégration</translation>
    </message>
    <message>
        <source>Integration server</source>
        <translation>Serveur d&apos;intégration</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Adresse du serveur :</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password or PIN:</source>
        <translation>&amp;Mot de passe ou code PIN :</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>Maga&amp;sin :</translation>
    </message>
    <message>
        <source>L&amp;ocation:</source>
        <translation>&amp;Emplacement :</translation>
    </message>
    <message>
        <source>&amp;Workstation:</source>
        <translation>&amp;Poste :</translation>
    </message>
    <message>
        <source>Lock after &amp;idle:</source>
        <translation>Verrouiller après &amp;inactivité :</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Lan&amp;gue :</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation>Pas de connexion : %1</translation>
    </message>
    <message>
        <source>Connected to StoreDesk server %1. The commerce system answers.</source>
        <translation>Connecté au serveur StoreDesk %1. Le système de commerce répond.</translation>
    </message>
    <message>
        <source>Connected to StoreDesk server %1, but the commerce system does not answer right now; carts cannot be looked up until it does.</source>
        <translation>Connecté au serveur StoreDesk %1, mais le système de commerce ne répond pas pour le moment ; les paniers ne peuvent pas être recherchés d&apos;ici là.</translation>
    </message>
    <message>
        <source>Enter a manager&apos;s user name and password or PIN.</source>
        <translation>Saisissez le nom d&apos;utilisateur et le mot de passe ou code PIN d&apos;un responsable.</translation>
    </message>
    <message>
        <source>The user name has at least 2 characters and the password or PIN at least 4.</source>
        <translation>Le nom d&apos;utilisateur comporte au moins 2 caractères et le mot de passe ou code PIN au moins 4.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>Only a manager can set a workstation up.</source>
        <translation>Seul un responsable peut configurer un poste.</translation>
    </message>
    <message>
        <source>Logged in as %1.</source>
        <translation>Connecté en tant que %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The store IT set for this machine (%1) is not among the stores this manager may set up.</source>
        <translation>Le magasin défini par le service informatique pour cet ordinateur (%1) ne fait pas partie des magasins que ce responsable peut configurer.</translation>
    </message>
    <message>
        <source>%1 (with card terminal)</source>
        <translation>%1 (avec terminal de paiement)</translation>
    </message>
    <message>
        <source>Server and store</source>
        <translation>Serveur et magasin</translation>
    </message>
    <message>
        <source>Ser&amp;ver and store</source>
        <translation>Ser&amp;veur et magasin</translation>
    </message>
    <message>
        <source>&amp;Hardware</source>
        <translation>Matérie&amp;l</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::SetupHardwarePage</name>
    <message>
        <source>Receipt printer address</source>
        <translation>Adresse de l’imprimante de tickets</translation>
    </message>
    <message>
        <source>Receipt printer address check</source>
        <translation>Vérification de l’adresse de l’imprimante de tickets</translation>
    </message>
    <message>
        <source>Print t&amp;est page</source>
        <translation>Imprimer &amp;une page de test</translation>
    </message>
    <message>
        <source>Test page result</source>
        <translation>Résultat de la page de test</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Matériel</translation>
    </message>
    <message>
        <source>Receipt printer type</source>
        <translation>Type d’imprimante de tickets</translation>
    </message>
    <message>
        <source>Characters per line</source>
        <translation>Caractères par ligne</translation>
    </message>
    <message>
        <source>Cash drawer pin</source>
        <translation>Broche du tiroir-caisse</translation>
    </message>
    <message>
        <source>Cash drawer pulse time</source>
        <translation>Durée d’impulsion du tiroir-caisse</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>Afficheur client</translation>
    </message>
    <message>
        <source>System printer (print dialog)</source>
        <translation>Imprimante système (dialogue d’impression)</translation>
    </message>
    <message>
        <source>ESC/POS on the network</source>
        <translation>ESC/POS sur le réseau</translation>
    </message>
    <message>
        <source>ESC/POS on USB</source>
        <translation>ESC/POS en USB</translation>
    </message>
    <message>
        <source>48 (Font A on 80 mm)</source>
        <translation>48 (police A sur 80 mm)</translation>
    </message>
    <message>
        <source>Pin 2</source>
        <translation>Broche 2</translation>
    </message>
    <message>
        <source>Pin 5</source>
        <translation>Broche 5</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <source>%1 (%2 × %3)</source>
        <translation>%1 (%2 × %3)</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>Imprimante de tickets</translation>
    </message>
    <message>
        <source>Printer &amp;type:</source>
        <translation>T&amp;ype d’imprimante :</translation>
    </message>
    <message>
        <source>Printer add&amp;ress:</source>
        <translation>A&amp;dresse de l’imprimante :</translation>
    </message>
    <message>
        <source>Characters per li&amp;ne:</source>
        <translation>&amp;Caractères par ligne :</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Tiroir-caisse</translation>
    </message>
    <message>
        <source>&amp;Drawer pin:</source>
        <translation>&amp;Broche du tiroir-caisse :</translation>
    </message>
    <message>
        <source>Pulse ti&amp;me:</source>
        <translation>Durée de l’impulsi&amp;on :</translation>
    </message>
    <message>
        <source>Cash drawer note</source>
        <translation>Remarque sur le tiroir-caisse</translation>
    </message>
    <message>
        <source>The drawer is opened through an ESC/POS receipt printer only.</source>
        <translation>Le tiroir-caisse ne s’ouvre que par une imprimante de tickets ESC/POS.</translation>
    </message>
    <message>
        <source>Customer displa&amp;y</source>
        <translation>A&amp;fficheur client</translation>
    </message>
    <message>
        <source>Customer display note</source>
        <translation>Remarque sur l’afficheur client</translation>
    </message>
    <message>
        <source>The screen that faces the customer; None: no customer display.</source>
        <translation>L’écran tourné vers le client ; Aucun : pas d’afficheur client.</translation>
    </message>
    <message>
        <source>not set up yet</source>
        <translation>pas encore configuré</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s device as a full path, e.g. /dev/usb/lp0.</source>
        <translation>Indiquez le périphérique de l’imprimante sous forme de chemin complet, p. ex. /dev/usb/lp0.</translation>
    </message>
    <message>
        <source>Enter the printer&apos;s network address as host or host:port (port 1 to 65535; 9100 when none is given), e.g. 192.168.1.50:9100.</source>
        <translation>Indiquez l’adresse réseau de l’imprimante sous la forme hôte ou hôte:port (port de 1 à 65535 ; 9100 si aucun n’est indiqué), p. ex. 192.168.1.50:9100.</translation>
    </message>
    <message>
        <source>Test page printed.</source>
        <translation>Page de test imprimée.</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Impression d’une page de test…</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillMovementDialog</name>
    <message>
        <source>Pay in</source>
        <translation>Entrée d&apos;espèces</translation>
    </message>
    <message>
        <source>Pay out</source>
        <translation>Sortie d&apos;espèces</translation>
    </message>
    <message>
        <source>Safe drop</source>
        <translation>Dépôt au coffre</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Sans vente</translation>
    </message>
    <message>
        <source>Cash put into the drawer without a sale, such as a change delivery.</source>
        <translation>Espèces mises dans le tiroir sans vente, par exemple une livraison de monnaie.</translation>
    </message>
    <message>
        <source>Cash taken out of the drawer to pay for something, such as a supplier.</source>
        <translation>Espèces retirées du tiroir pour payer quelque chose, par exemple un fournisseur.</translation>
    </message>
    <message>
        <source>Cash taken from the drawer to the safe in a numbered bag.</source>
        <translation>Espèces retirées du tiroir et déposées au coffre dans un sac numéroté.</translation>
    </message>
    <message>
        <source>The drawer is opened without a sale. Say why.</source>
        <translation>Le tiroir est ouvert sans vente. Indiquez pourquoi.</translation>
    </message>
    <message>
        <source>What this is</source>
        <translation>De quoi il s&apos;agit</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Montant :</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Motifs</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Mo&amp;tif :</translation>
    </message>
    <message>
        <source>Bag number</source>
        <translation>Numéro du sac</translation>
    </message>
    <message>
        <source>&amp;Bag number:</source>
        <translation>&amp;Numéro du sac :</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;ote :</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Re&amp;cord</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>Whether it was recorded is not known. Press Record again to ask the server about the same movement.</source>
        <translation>On ne sait pas si l&apos;opération a été enregistrée. Appuyez de nouveau sur « Enregistrer » pour interroger le serveur sur la même opération.</translation>
    </message>
    <message>
        <source>This store has no reasons for this set up. Ask a manager.</source>
        <translation>Ce magasin n&apos;a pas de motifs configurés pour cela. Demandez à un responsable.</translation>
    </message>
    <message>
        <source>The till&apos;s currency is not known yet. Try again in a moment.</source>
        <translation>La devise de la caisse n&apos;est pas encore connue. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Enter an amount greater than zero, such as %1.</source>
        <translation>Saisissez un montant supérieur à zéro, par exemple %1.</translation>
    </message>
    <message>
        <source>Choose a reason.</source>
        <translation>Choisissez un motif.</translation>
    </message>
    <message>
        <source>Enter the number of the safe bag.</source>
        <translation>Saisissez le numéro du sac du coffre.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Pay-outs above %1 need a manager&apos;s approval in this store.</source>
        <translation>Dans ce magasin, les sorties d&apos;espèces de plus de %1 doivent être autorisées par un responsable.</translation>
    </message>
    <message>
        <source>This pay-out needs a manager&apos;s approval.</source>
        <translation>Cette sortie d&apos;espèces doit être autorisée par un responsable.</translation>
    </message>
    <message numerus="yes">
        <source>This store allows %n no sales per till session without a manager.</source>
        <translation>
            <numerusform>Ce magasin autorise %n ouverture sans vente par session de caisse sans responsable.</numerusform>
            <numerusform>Ce magasin autorise %n ouvertures sans vente par session de caisse sans responsable.</numerusform>
        </translation>
    </message>
    <message>
        <source>This no sale needs a manager&apos;s approval.</source>
        <translation>Cette ouverture sans vente doit être autorisée par un responsable.</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s approval.</source>
        <translation>Cela doit être autorisé par un responsable.</translation>
    </message>
    <message>
        <source>A manager enters their user name and password or PIN here; nobody is logged out.</source>
        <translation>Un responsable saisit ici son nom d&apos;utilisateur et son mot de passe ou code PIN ; personne n&apos;est déconnecté.</translation>
    </message>
    <message>
        <source>The approval was not accepted. Check the manager&apos;s user name and password or PIN.</source>
        <translation>L&apos;autorisation n&apos;a pas été acceptée. Vérifiez le nom d&apos;utilisateur et le mot de passe ou code PIN du responsable.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillReportDialog</name>
    <message>
        <source>Report message</source>
        <translation>Message du rapport</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>Imprimer le rapport</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Imprimer</translation>
    </message>
    <message>
        <source>Print the report on the receipt printer</source>
        <translation>Imprimer le rapport sur l’imprimante de tickets</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillReportDocument</name>
    <message>
        <source>Pay-in</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Pay-out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Safe drop</source>
        <translation>Dépôt coffre</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>Ouverture sans vente</translation>
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
        <translation>RAPPORT Z</translation>
    </message>
    <message>
        <source>X REPORT</source>
        <translation>RAPPORT X</translation>
    </message>
    <message>
        <source>X report — not a close</source>
        <translation>Rapport X – pas une clôture</translation>
    </message>
    <message>
        <source>COPY</source>
        <translation>DUPLICATA</translation>
    </message>
    <message>
        <source>Z number</source>
        <translation>Numéro Z</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte le</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Ouverte par</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée le</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>Clôturée par</translation>
    </message>
    <message>
        <source>Report made</source>
        <translation>Établi le</translation>
    </message>
    <message>
        <source>Reprinted by</source>
        <translation>Réimprimé par</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Fond de caisse</translation>
    </message>
    <message>
        <source>Expected float</source>
        <translation>Fond prévu</translation>
    </message>
    <message>
        <source>Cash sales</source>
        <translation>Ventes espèces</translation>
    </message>
    <message>
        <source>Cash refunds</source>
        <translation>Rembours. espèces</translation>
    </message>
    <message>
        <source>Pay-ins</source>
        <translation>Entrées</translation>
    </message>
    <message>
        <source>Pay-outs</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>Safe drops</source>
        <translation>Dépôts coffre</translation>
    </message>
    <message>
        <source>No sales</source>
        <translation>Ouvertures sans vente</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Espèces attendues</translation>
    </message>
    <message>
        <source>Card totals</source>
        <translation>Totaux carte</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Ventes</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Remboursements</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>Première commande</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>Dernière commande</translation>
    </message>
    <message>
        <source>Movements</source>
        <translation>Mouvements</translation>
    </message>
    <message>
        <source>Bag %1</source>
        <translation>Sac %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Note : %1</translation>
    </message>
    <message>
        <source>Approved by %1</source>
        <translation>Autorisé par %1</translation>
    </message>
    <message>
        <source>Counted by denomination</source>
        <translation>Comptage par valeur</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Autorisé par</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motif : %1</translation>
    </message>
    <message>
        <source>Z report %1</source>
        <translation>Rapport Z %1</translation>
    </message>
    <message>
        <source>X report %1</source>
        <translation>Rapport X %1</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (duplicata)</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Manquant</translation>
    </message>
    <message>
        <source>No difference</source>
        <translation>Aucun écart</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Excédent</translation>
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
        <translation>Type de rapport</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Numéro du rapport</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>Espèces attendues</translation>
    </message>
    <message>
        <source>Over or short</source>
        <translation>Excédent ou manquant</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>Texte du rapport</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Rapport Z</translation>
    </message>
    <message>
        <source>X report — not a close</source>
        <translation>Rapport X – pas une clôture</translation>
    </message>
    <message>
        <source>%1 — COPY</source>
        <translation>%1 – DUPLICATA</translation>
    </message>
    <message>
        <source>Till report</source>
        <translation>Rapport de caisse</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::TillSessionsDialog</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>Actualiser la liste</translation>
    </message>
    <message>
        <source>Re&amp;print Z report…</source>
        <translation>&amp;Réimprimer le rapport Z…</translation>
    </message>
    <message>
        <source>Reprint Z report</source>
        <translation>Réimprimer le rapport Z</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Till sessions</source>
        <translation>Sessions de caisse</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>D&amp;ay:</source>
        <translation>&amp;Jour :</translation>
    </message>
    <message>
        <source>Till sessions of the day</source>
        <translation>Sessions de caisse du jour</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>Z number</source>
        <translation>Numéro Z</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Compté</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Reading the sessions of %1…</source>
        <translation>Lecture des sessions du %1…</translation>
    </message>
    <message>
        <source>No till was opened on this day.</source>
        <translation>Aucune caisse n’a été ouverte ce jour-là.</translation>
    </message>
    <message numerus="yes">
        <source>%n till session(s).</source>
        <translation>
            <numerusform>%n session de caisse.</numerusform>
            <numerusform>%n sessions de caisse.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouverte</translation>
    </message>
    <message>
        <source>Fetching the Z report…</source>
        <translation>Récupération du rapport Z…</translation>
    </message>
    <message>
        <source>This till is still open: it has no Z report.</source>
        <translation>Cette caisse est encore ouverte : elle n’a pas de rapport Z.</translation>
    </message>
</context>
<context>
    <name>storedesk::ui::UnresolvedPaymentsDialog</name>
    <message>
        <source>Unresolved payments</source>
        <translation>Paiements non résolus</translation>
    </message>
    <message>
        <source>About unresolved payments</source>
        <translation>À propos des paiements non résolus</translation>
    </message>
    <message>
        <source>StoreDesk cannot know whether these payments went through. Check each on the payment terminal&apos;s journal or in the cash drawer, then mark it as checked.</source>
        <translation>StoreDesk ne peut pas savoir si ces paiements ont abouti. Vérifiez chacun dans le journal du terminal de paiement ou dans le tiroir-caisse, puis marquez-le comme vérifié.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collègue</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Cart</source>
        <translation>Panier</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>&amp;Mark as checked</source>
        <translation>&amp;Marquer comme vérifié</translation>
    </message>
    <message>
        <source>Only a manager can mark a payment as checked.</source>
        <translation>Seul un responsable peut marquer un paiement comme vérifié.</translation>
    </message>
    <message>
        <source>made with another server</source>
        <translation>commencé avec un autre serveur</translation>
    </message>
    <message>
        <source>the server no longer knows it</source>
        <translation>le serveur ne le connaît plus</translation>
    </message>
    <message>
        <source>No unresolved payments at this workstation.</source>
        <translation>Aucun paiement non résolu sur ce poste.</translation>
    </message>
</context>
</TS>
