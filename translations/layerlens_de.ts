<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AgentAddress</name>
    <message>
        <source>&apos;%1&apos; is not HOST:PORT</source>
        <translation>&apos;%1&apos; ist nicht HOST:PORT</translation>
    </message>
</context>
<context>
    <name>AgentClient</name>
    <message>
        <source>%1: no PEM certificate</source>
        <translation>%1: kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>%1: TLS connection failed: %2</source>
        <translation>%1: TLS-Verbindung fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>no answer to %1 within %2 s</source>
        <translation>keine Antwort auf %1 innerhalb von %2 s</translation>
    </message>
    <message>
        <source>the agent closed the connection</source>
        <translation>der Agent hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the agent sent a malformed frame: %1</source>
        <translation>der Agent hat ein fehlerhaftes Paket gesendet: %1</translation>
    </message>
    <message>
        <source>uploading %1: %2</source>
        <translation>Hochladen von %1: %2</translation>
    </message>
    <message>
        <source>%1: cannot be read</source>
        <translation>%1: kann nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message numerus="yes">
        <source>%n supported layer(s) have no cost because their shapes are not known; the totals leave them out</source>
        <translation>
            <numerusform>%n unterstützte Schicht hat keine Kosten, weil ihre Formen unbekannt sind; die Summen lassen sie aus</numerusform>
            <numerusform>%n unterstützte Schichten haben keine Kosten, weil ihre Formen unbekannt sind; die Summen lassen sie aus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n initializer(s) are not read by any node; they still count in the parameter total</source>
        <translation>
            <numerusform>%n Initialisierer wird von keinem Knoten gelesen; er zählt dennoch zu den Parametern</numerusform>
            <numerusform>%n Initialisierer werden von keinem Knoten gelesen; sie zählen dennoch zu den Parametern</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackendSplit</name>
    <message>
        <source>the backend split has no column for &apos;%1&apos;</source>
        <translation>der Backend-Aufteilung fehlt die Spalte für &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>BlasRows</name>
    <message>
        <source>the BLAS rows have no threads column</source>
        <translation>die BLAS-Zeilen haben keine Spalte für die Threads</translation>
    </message>
</context>
<context>
    <name>CalibratedModel</name>
    <message>
        <source>calibration needs a base model and samples</source>
        <translation>die Kalibrierung braucht ein Basismodell und Messwerte</translation>
    </message>
    <message>
        <source>unknown inner model kind &apos;%1&apos;</source>
        <translation>unbekannte Art des inneren Modells &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>DatasetStore</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing (install libqt6sql6-sqlite)</source>
        <translation>Qts SQLite-Treiber fehlt (libqt6sql6-sqlite installieren)</translation>
    </message>
    <message>
        <source>%1: cannot create its folder</source>
        <translation>%1: sein Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: dataset schema %2 is newer than this LayerLens reads (%3)</source>
        <translation>%1: Datensatzschema %2 ist neuer, als diese LayerLens-Version lesen kann (%3)</translation>
    </message>
    <message>
        <source>%1: cannot store sample %2: %3</source>
        <translation>%1: Messwert %2 kann nicht gespeichert werden: %3</translation>
    </message>
    <message>
        <source>%1: cannot import sample %2: %3</source>
        <translation>%1: Messwert %2 kann nicht importiert werden: %3</translation>
    </message>
    <message>
        <source>it names no run or device</source>
        <translation>er nennt weder Lauf noch Gerät</translation>
    </message>
    <message>
        <source>%1: cannot store a %2 record of run %3: %4</source>
        <translation>%1: ein %2-Eintrag von Lauf %3 kann nicht gespeichert werden: %4</translation>
    </message>
    <message>
        <source>%1: cannot import samples: %2</source>
        <translation>%1: Messungen können nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>cannot record its device: %1</source>
        <translation>sein Gerät kann nicht eingetragen werden: %1</translation>
    </message>
</context>
<context>
    <name>DesignSpace</name>
    <message>
        <source>batch %1, utilization %2 %, %3 thread(s)&lt;br&gt;%4 ms, %5 MiB</source>
        <translation>Batch %1, Auslastung %2 %, %3 Thread(s)&lt;br&gt;%4 ms, %5 MiB</translation>
    </message>
</context>
<context>
    <name>DeviceProfile</name>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: schema version %2 is newer than this LayerLens reads (%3); update LayerLens or retrain the profile</source>
        <translation>%1: Schemaversion %2 ist neuer, als diese LayerLens-Version lesen kann (%3); LayerLens aktualisieren oder das Profil neu trainieren</translation>
    </message>
    <message>
        <source>%1: unknown schema version %2</source>
        <translation>%1: unbekannte Schemaversion %2</translation>
    </message>
    <message>
        <source>%1: module %2: %3</source>
        <translation>%1: Modul %2: %3</translation>
    </message>
    <message>
        <source>%1: module %2: unknown target &apos;%3&apos; or model kind &apos;%4&apos;</source>
        <translation>%1: Modul %2: unbekannte Zielgröße &apos;%3&apos; oder Modellart &apos;%4&apos;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: operator cost of %2 is not a set of non-negative numbers</source>
        <translation>%1: die Operatorkosten von %2 sind keine nicht-negativen Zahlen</translation>
    </message>
    <message>
        <source>%1: in-network factor of %2 is not a positive number</source>
        <translation>%1: netzinterner Faktor von %2 ist keine positive Zahl</translation>
    </message>
    <message>
        <source>%1: a cache-miss cost is not a positive capacity with non-negative costs</source>
        <translation>%1: ein Cache-Miss-Kostenwert ist keine positive Kapazität mit nicht-negativen Kosten</translation>
    </message>
    <message>
        <source>%1: the speed reference is not a positive time</source>
        <translation>%1: die Geschwindigkeitsreferenz ist keine positive Zeit</translation>
    </message>
    <message>
        <source>%1: the cost of writes beyond the high-water mark is not a non-negative number</source>
        <translation>%1: die Kosten für Schreibzugriffe jenseits der Höchstmarke sind keine nicht-negative Zahl</translation>
    </message>
    <message>
        <source>%1: the in-network spread of %2 is not a range around 1 with non-negative deviations</source>
        <translation>%1: die netzinterne Streuung von %2 ist kein Bereich um 1 mit nicht-negativen Abweichungen</translation>
    </message>
    <message>
        <source>%1: a condition spread is not threads, a utilization of 0-100 % and a non-negative width</source>
        <translation>%1: eine Bedingungsstreuung besteht nicht aus Threads, einer Auslastung von 0-100 % und einer nicht-negativen Breite</translation>
    </message>
    <message>
        <source>%1: the cache-miss share on two threads is not a number from 0 to 1</source>
        <translation>%1: der Anteil der Cache-Fehlzugriffe auf zwei Threads ist keine Zahl von 0 bis 1</translation>
    </message>
    <message>
        <source>%1: the overhead per block on two threads is not a non-negative number</source>
        <translation>%1: der Mehraufwand pro Block auf zwei Threads ist keine nicht-negative Zahl</translation>
    </message>
    <message>
        <source>%1: the factor of %2 on two threads is not a positive number</source>
        <translation>%1: der Faktor von %2 auf zwei Threads ist keine positive Zahl</translation>
    </message>
    <message>
        <source>%1: the largest block %2&apos;s factor on two threads was fitted on is not a positive number of milliseconds</source>
        <translation>%1: der größte Block, an den der Faktor von %2 auf zwei Threads angepasst wurde, ist keine positive Zahl von Millisekunden</translation>
    </message>
    <message>
        <source>%1: a load factor is not threads, a utilization of 1-100 %, a finite factor and slope, a range of block times and a non-negative width, one per thread count</source>
        <translation>%1: ein Lastfaktor besteht nicht aus Threads, einer Auslastung von 1-100 %, einem endlichen Faktor und einer Steigung, einem Bereich von Blockzeiten und einer nicht negativen Breite, einer je Threadzahl</translation>
    </message>
    <message>
        <source>%1: what %2&apos;s first block in a run costs is not a positive number of milliseconds</source>
        <translation>%1: was der erste Block von %2 in einem Lauf kostet, ist keine positive Zahl von Millisekunden</translation>
    </message>
</context>
<context>
    <name>DeviceRegistry</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not a device list (%2)</source>
        <translation>%1: keine Geräteliste (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a device name is 1-64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, and not &apos;local&apos;</source>
        <translation>&apos;%1&apos;: ein Gerätename hat 1–64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; und ist nicht &apos;local&apos;</translation>
    </message>
    <message>
        <source>%1: cannot create the token folder</source>
        <translation>%1: der Token-Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>no device named &apos;%1&apos;</source>
        <translation>kein Gerät namens &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>EnergyMeter</name>
    <message>
        <source>no readable energy sensor (RAPL powercap, hwmon energy input or NVML) on this device</source>
        <translation>kein lesbarer Energiesensor (RAPL-Powercap, hwmon-Energieeingang oder NVML) auf diesem Gerät</translation>
    </message>
</context>
<context>
    <name>Executor</name>
    <message>
        <source>operators of domain %1 are not supported</source>
        <translation>Operatoren der Domäne %1 werden nicht unterstützt</translation>
    </message>
    <message>
        <source>no LibTorch kernel for this operator</source>
        <translation>kein LibTorch-Kernel für diesen Operator</translation>
    </message>
    <message>
        <source>sequence, map and optional values are not supported</source>
        <translation>Sequenz-, Map- und Optional-Werte werden nicht unterstützt</translation>
    </message>
    <message>
        <source>element type %1 has no LibTorch equivalent</source>
        <translation>Elementtyp %1 hat keine Entsprechung in LibTorch</translation>
    </message>
    <message>
        <source>half-precision arithmetic is not supported on the CPU device</source>
        <translation>Rechnen mit halber Genauigkeit wird auf der CPU nicht unterstützt</translation>
    </message>
    <message>
        <source>operators with subgraphs are not supported</source>
        <translation>Operatoren mit Teilgraphen werden nicht unterstützt</translation>
    </message>
    <message>
        <source>%1 node(s) cannot run on the LibTorch executor: %2</source>
        <translation>%1 Knoten können nicht mit dem LibTorch-Executor laufen: %2</translation>
    </message>
    <message>
        <source>the constant &apos;%1&apos; has no data LayerLens can use</source>
        <translation>die Konstante &apos;%1&apos; hat keine Daten, die LayerLens verwenden kann</translation>
    </message>
    <message>
        <source>the network takes %1 inputs, not %2</source>
        <translation>das Netz hat %1 Eingaben, nicht %2</translation>
    </message>
    <message>
        <source>%1 %2 nodes, the first &apos;%3&apos; (%4)</source>
        <translation>%1 %2-Knoten, der erste &apos;%3&apos; (%4)</translation>
    </message>
</context>
<context>
    <name>FeatureEncoding</name>
    <message>
        <source>the feature encoding is missing or unknown</source>
        <translation>die Merkmalskodierung fehlt oder ist unbekannt</translation>
    </message>
    <message>
        <source>%1 = %2 is outside the trained %3 to %4</source>
        <translation>%1 = %2 liegt außerhalb des trainierten Bereichs %3 bis %4</translation>
    </message>
    <message>
        <source>the BLAS rows name a column the encoding does not have</source>
        <translation>die BLAS-Zeilen nennen eine Spalte, die die Kodierung nicht hat</translation>
    </message>
</context>
<context>
    <name>FootprintSplit</name>
    <message>
        <source>the footprint split has no cache capacity</source>
        <translation>der Aufteilung nach Datenumfang fehlt die Cachegröße</translation>
    </message>
    <message>
        <source>the footprint split has no column for &apos;%1&apos;</source>
        <translation>der Aufteilung nach Datenumfang fehlt die Spalte für &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>GraphBuilder</name>
    <message>
        <source>has an initializer without a name</source>
        <translation>hat einen Initialisierer ohne Namen</translation>
    </message>
    <message>
        <source>has two initializers named &apos;%1&apos;</source>
        <translation>hat zwei Initialisierer namens &apos;%1&apos;</translation>
    </message>
    <message>
        <source>initializer &apos;%1&apos; %2</source>
        <translation>Initialisierer &apos;%1&apos; %2</translation>
    </message>
    <message>
        <source>the model has %1 sparse initializers; LayerLens does not count their parameters</source>
        <translation>das Modell hat %1 dünn besetzte Initialisierer; LayerLens zählt ihre Parameter nicht</translation>
    </message>
    <message>
        <source>has no symbolic dimension named &apos;%1&apos; (its inputs have none)</source>
        <translation>hat keine symbolische Dimension namens &apos;%1&apos; (seine Eingaben haben keine)</translation>
    </message>
    <message>
        <source>has no symbolic dimension named &apos;%1&apos; (it has: %2)</source>
        <translation>hat keine symbolische Dimension namens &apos;%1&apos; (vorhanden: %2)</translation>
    </message>
    <message>
        <source>the model&apos;s inputs have a fixed batch size; the requested batch size %1 was not applied</source>
        <translation>die Eingaben des Modells haben eine feste Batchgröße; die verlangte Batchgröße %1 wurde nicht angewandt</translation>
    </message>
    <message>
        <source>has a graph input without a name</source>
        <translation>hat eine Grapheingabe ohne Namen</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has a dimension of unknown size at axis %2, with no name to bind it by</source>
        <translation>Eingabe &apos;%1&apos; hat an Achse %2 eine Dimension unbekannter Größe ohne Namen, über den sie gesetzt werden könnte</translation>
    </message>
    <message>
        <source>symbolic dimension &apos;%1&apos; of input &apos;%2&apos; (axis %3) needs a value</source>
        <translation>die symbolische Dimension &apos;%1&apos; der Eingabe &apos;%2&apos; (Achse %3) braucht einen Wert</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has a negative dimension</source>
        <translation>Eingabe &apos;%1&apos; hat eine negative Dimension</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; declares no shape; shapes that depend on it are unknown</source>
        <translation>Eingabe &apos;%1&apos; deklariert keine Form; davon abhängige Formen sind unbekannt</translation>
    </message>
    <message>
        <source>symbolic dimensions &apos;%1&apos; of the inputs need values</source>
        <translation>die symbolischen Dimensionen &apos;%1&apos; der Eingaben brauchen Werte</translation>
    </message>
    <message>
        <source>a %1 node</source>
        <translation>ein %1-Knoten</translation>
    </message>
    <message>
        <source>node &apos;%1&apos; (%2)</source>
        <translation>Knoten &apos;%1&apos; (%2)</translation>
    </message>
    <message>
        <source>has no operator type</source>
        <translation>hat keinen Operatortyp</translation>
    </message>
    <message>
        <source>uses domain &apos;%1&apos;, for which the model imports no opset</source>
        <translation>verwendet die Domäne &apos;%1&apos;, für die das Modell kein Opset importiert</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; %2</source>
        <translation>Attribut &apos;%1&apos; %2</translation>
    </message>
    <message>
        <source>writes &apos;%1&apos;, which node &apos;%2&apos; also writes</source>
        <translation>schreibt &apos;%1&apos;, das auch Knoten &apos;%2&apos; schreibt</translation>
    </message>
    <message>
        <source>writes &apos;%1&apos;, which is a graph input or initializer</source>
        <translation>schreibt &apos;%1&apos;, das eine Grapheingabe oder ein Initialisierer ist</translation>
    </message>
    <message>
        <source>reads &apos;%1&apos;, which no node, graph input or initializer provides</source>
        <translation>liest &apos;%1&apos;, das weder ein Knoten noch eine Grapheingabe noch ein Initialisierer liefert</translation>
    </message>
    <message>
        <source>has a subgraph that reads &apos;%1&apos;, which nothing provides</source>
        <translation>hat einen Teilgraphen, der &apos;%1&apos; liest, das nichts liefert</translation>
    </message>
    <message>
        <source>declares graph output &apos;%1&apos;, which nothing produces</source>
        <translation>deklariert die Graphausgabe &apos;%1&apos;, die nichts erzeugt</translation>
    </message>
    <message>
        <source>the graph declares no outputs</source>
        <translation>der Graph deklariert keine Ausgaben</translation>
    </message>
    <message>
        <source>has a cycle: node %1 depends on its own output (nodes involved include %2)</source>
        <translation>hat einen Zyklus: Knoten %1 hängt von seiner eigenen Ausgabe ab (beteiligt sind u. a. %2)</translation>
    </message>
</context>
<context>
    <name>MednModel</name>
    <message>
        <source>medn: the network does not match its features and targets</source>
        <translation>medn: das Netz passt nicht zu seinen Merkmalen und Zielgrößen</translation>
    </message>
</context>
<context>
    <name>MednNetwork</name>
    <message>
        <source>medn: inconsistent training data</source>
        <translation>medn: widersprüchliche Trainingsdaten</translation>
    </message>
</context>
<context>
    <name>MlpModel</name>
    <message>
        <source>mlp needs at least two samples</source>
        <translation>mlp braucht mindestens zwei Messwerte</translation>
    </message>
    <message>
        <source>mlp: the network does not match its features</source>
        <translation>mlp: das Netz passt nicht zu seinen Merkmalen</translation>
    </message>
</context>
<context>
    <name>NetworkPredictor</name>
    <message>
        <source>the profile has no model of module %1</source>
        <translation>das Profil hat kein Modell des Moduls %1</translation>
    </message>
    <message>
        <source>no module of the profiling spec covers %1</source>
        <translation>kein Modul der Profilierungsspezifikation deckt %1 ab</translation>
    </message>
    <message>
        <source>a shape of the block is unknown</source>
        <translation>eine Form des Blocks ist unbekannt</translation>
    </message>
    <message>
        <source>%1, predicted as %2 (same memory access; no module of its own)</source>
        <translation>%1, vorhergesagt als %2 (gleicher Speicherzugriff; kein eigenes Modul)</translation>
    </message>
    <message>
        <source>%1 has no module: its cost inside networks, learned by calibrate from %2 timed nodes (MAPE %3 %)</source>
        <translation>%1 hat kein Modul: seine Kosten innerhalb von Netzen, von calibrate aus %2 gemessenen Knoten gelernt (MAPE %3 %)</translation>
    </message>
    <message>
        <source>data movement: in the whole network&apos;s per-operator term only</source>
        <translation>Datenbewegung: nur im Term pro Operator des ganzen Netzes</translation>
    </message>
    <message>
        <source>Conv in %1 groups, predicted as %2 with one group&apos;s output channels (the same multiply-adds on the same input and weights; no module of its own)</source>
        <translation>Conv in %1 Gruppen, vorhergesagt als %2 mit den Ausgabekanälen einer Gruppe (dieselben Multiplikationen auf derselben Eingabe und denselben Gewichten; kein eigenes Modul)</translation>
    </message>
    <message>
        <source>Conv with a non-square kernel, predicted as %1 with a 1x1 kernel over %2 times the input channels (its im2col product: the same multiply-adds and weights; no module of its own)</source>
        <translation>Conv mit nicht quadratischem Kern, vorhergesagt als %1 mit 1x1-Kern über das %2-fache der Eingabekanäle (sein im2col-Produkt: dieselben Multiplikationen und Gewichte; kein eigenes Modul)</translation>
    </message>
</context>
<context>
    <name>NeuralNetwork</name>
    <message>
        <source>unknown activation</source>
        <translation>unbekannte Aktivierung</translation>
    </message>
    <message>
        <source>a head must end in one output</source>
        <translation>ein Kopf muss in einer Ausgabe enden</translation>
    </message>
    <message>
        <source>the network has no layers</source>
        <translation>das Netz hat keine Schichten</translation>
    </message>
</context>
<context>
    <name>NeuralTrainer</name>
    <message>
        <source>too little data to train on</source>
        <translation>zu wenige Daten zum Trainieren</translation>
    </message>
    <message>
        <source>LibTorch training failed: %1</source>
        <translation>LibTorch-Training fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>PlotExport</name>
    <message>
        <source>%1: choose .png, .svg or .pdf</source>
        <translation>%1: .png, .svg oder .pdf wählen</translation>
    </message>
    <message>
        <source>%1: cannot write the file</source>
        <translation>%1: die Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Bild (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
</context>
<context>
    <name>Prediction</name>
    <message>
        <source>no network or no device profile</source>
        <translation>kein Netz oder kein Geräteprofil</translation>
    </message>
</context>
<context>
    <name>Refinement</name>
    <message>
        <source>%1: %2 configurations (held-out MAPE %3 %, worst sample error %4 %)</source>
        <translation>%1: %2 Konfigurationen (MAPE auf Testdaten %3 %, größter Fehler eines Messwerts %4 %)</translation>
    </message>
</context>
<context>
    <name>RemoteOptions</name>
    <message>
        <source>File with the agent&apos;s token (for HOST:PORT devices).</source>
        <translation>Datei mit dem Token des Agenten (für HOST:PORT-Geräte).</translation>
    </message>
    <message>
        <source>Reach the agent over TLS.</source>
        <translation>Den Agenten über TLS erreichen.</translation>
    </message>
    <message>
        <source>Also trust this PEM certificate (a self-signed agent).</source>
        <translation>Auch diesem PEM-Zertifikat vertrauen (ein selbstsignierter Agent).</translation>
    </message>
</context>
<context>
    <name>ShapeResolver</name>
    <message>
        <source>node %1 could not be evaluated on its constant inputs: %2</source>
        <translation>Knoten %1 konnte nicht mit seinen konstanten Eingaben ausgewertet werden: %2</translation>
    </message>
    <message>
        <source>shape inference failed at node %1: %2</source>
        <translation>Forminferenz an Knoten %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>node %1 uses an operator ONNX does not define at this opset; its output shapes come from the file&apos;s declarations, if any</source>
        <translation>Knoten %1 verwendet einen Operator, den ONNX in diesem Opset nicht definiert; seine Ausgabeformen stammen aus den Deklarationen der Datei, falls vorhanden</translation>
    </message>
    <message>
        <source>graph output &apos;%1&apos; is declared with another shape than the %2 LayerLens computed</source>
        <translation>Graphausgabe &apos;%1&apos; ist mit einer anderen Form deklariert als die von LayerLens berechnete %2</translation>
    </message>
    <message>
        <source>the output shape of node %1 is not fully known (%2); it depends on data or on an operator LayerLens cannot infer</source>
        <translation>die Ausgabeform von Knoten %1 ist nicht vollständig bekannt (%2); sie hängt von Daten oder von einem Operator ab, den LayerLens nicht ableiten kann</translation>
    </message>
    <message numerus="yes">
        <source>%n more node(s) have unknown shapes because their inputs do</source>
        <translation>
            <numerusform>%n weiterer Knoten hat unbekannte Formen, weil seine Eingaben sie haben</numerusform>
            <numerusform>%n weitere Knoten haben unbekannte Formen, weil ihre Eingaben sie haben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>agent</name>
    <message>
        <source>layerlens-agent: warning: %1 is readable by others; chmod 600 it</source>
        <translation>layerlens-agent: Warnung: %1 ist für andere lesbar; chmod 600 darauf anwenden</translation>
    </message>
    <message>
        <source>%1: the token must have at least 16 characters</source>
        <translation>%1: das Token muss mindestens 16 Zeichen haben</translation>
    </message>
    <message>
        <source>LayerLens device agent: serves profiling, measurement and training jobs to LayerLens hosts that present its token, journals every result in its own dataset, and resumes an interrupted job when it starts again.</source>
        <translation>LayerLens-Geräteagent: führt Profilierungs-, Mess- und Trainingsaufträge für LayerLens-Hosts aus, die sein Token vorweisen, protokolliert jedes Ergebnis in seinem eigenen Datensatz und setzt einen unterbrochenen Auftrag beim nächsten Start fort.</translation>
    </message>
    <message>
        <source>Print this device&apos;s description as JSON and exit.</source>
        <translation>Die Beschreibung dieses Geräts als JSON ausgeben und beenden.</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:7878; port 0 picks a free one).</source>
        <translation>Adresse und Port zum Lauschen (Standard 127.0.0.1:7878; Port 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>File holding the token hosts must present; created with a random token (mode 0600) when missing. Default: ~/.config/layerlens/agent.token.</source>
        <translation>Datei mit dem Token, das Hosts vorweisen müssen; wird mit einem zufälligen Token (Modus 0600) angelegt, falls sie fehlt. Standard: ~/.config/layerlens/agent.token.</translation>
    </message>
    <message>
        <source>Folder for the agent&apos;s dataset, networks, profiles and job journal. Default: ~/.local/share/layerlens/agent.</source>
        <translation>Ordner für Datensatz, Netze, Profile und Auftragsjournal des Agenten. Standard: ~/.local/share/layerlens/agent.</translation>
    </message>
    <message>
        <source>PEM certificate: serve TLS only.</source>
        <translation>PEM-Zertifikat: nur über TLS bedienen.</translation>
    </message>
    <message>
        <source>PEM private key of --tls-cert.</source>
        <translation>Privater PEM-Schlüssel zu --tls-cert.</translation>
    </message>
    <message>
        <source>layerlens-agent: --tls-cert and --tls-key go together</source>
        <translation>layerlens-agent: --tls-cert und --tls-key gehören zusammen</translation>
    </message>
    <message>
        <source>layerlens-agent: --listen needs ADDR:PORT with a numeric address, not &apos;%1&apos;</source>
        <translation>layerlens-agent: --listen braucht ADDR:PORT mit numerischer Adresse, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>layerlens-agent: warning: listening beyond this machine without TLS; the token and the data cross the network in clear</source>
        <translation>layerlens-agent: Warnung: lauscht über diese Maschine hinaus ohne TLS; Token und Daten gehen unverschlüsselt über das Netz</translation>
    </message>
    <message>
        <source>created a new token in %1 (give it to the hosts that may use this device)</source>
        <translation>neues Token in %1 erstellt (an die Hosts geben, die dieses Gerät nutzen dürfen)</translation>
    </message>
    <message>
        <source>layerlens-agent %1 listening on %2:%3%4, token file %5, data %6</source>
        <translation>layerlens-agent %1 lauscht auf %2:%3%4, Token-Datei %5, Daten %6</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation> (TLS)</translation>
    </message>
    <message>
        <source>layerlens-agent: stopping; a running job resumes at the next start</source>
        <translation>layerlens-agent: wird beendet; ein laufender Auftrag wird beim nächsten Start fortgesetzt</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>%1 must be %2, not &apos;%3&apos;</source>
        <translation>%1 muss %2 sein, nicht &apos;%3&apos;</translation>
    </message>
    <message>
        <source>%1: no such dataset (profile creates it)</source>
        <translation>%1: kein solcher Datensatz (profile legt ihn an)</translation>
    </message>
    <message>
        <source>%1 needs a positive whole number, not &apos;%2&apos;</source>
        <translation>%1 braucht eine positive ganze Zahl, nicht &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 takes whole numbers from %2 to %3, not &apos;%4&apos;</source>
        <translation>%1 nimmt ganze Zahlen von %2 bis %3, nicht &apos;%4&apos;</translation>
    </message>
    <message>
        <source>Usage: layerlens-cli COMMAND [OPTIONS]

Commands:
  analyze MODEL.onnx   every layer&apos;s shapes and analytic cost, and the network&apos;s totals
  measure MODEL.onnx   run the network on this device: latency, memory, energy
  conformance DIR      ONNX backend node tests through the LibTorch executor
  profile              measure module configurations into a dataset
  datasets             summarize, export or import profiling datasets
  train                fit and select regression models into a device profile
  models PROFILE_DIR   a profile&apos;s evaluation and selection tables
  devices              list, add or remove remote devices (layerlens-agent)
  device-info          describe a remote device
  predict MODEL.onnx   per-layer latency, memory and energy on a device, swept
  calibrate            adapt a device profile to this machine in minutes
  report MODEL.onnx    HTML, PDF, CSV, JSON or Netron report of a prediction

Options:
  -h, --help           this help; &apos;layerlens-cli COMMAND --help&apos; for a command&apos;s options
  -v, --version        the LayerLens version
</source>
        <translation>Aufruf: layerlens-cli BEFEHL [OPTIONEN]

Befehle:
  analyze MODEL.onnx   Formen und analytische Kosten jeder Schicht und die Summen des Netzes
  measure MODEL.onnx   das Netz auf diesem Gerät ausführen: Latenz, Speicher, Energie
  conformance DIR      ONNX-Backend-Knotentests mit dem LibTorch-Executor
  profile              Modulkonfigurationen in einen Datensatz messen
  datasets             Profilierungsdatensätze zusammenfassen, exportieren, importieren
  train                Regressionsmodelle zu einem Geräteprofil anpassen und auswählen
  models PROFILE_DIR   Bewertungs- und Auswahltabellen eines Profils
  devices              entfernte Geräte (layerlens-agent) auflisten, hinzufügen, entfernen
  device-info          ein entferntes Gerät beschreiben
  predict MODEL.onnx   Latenz, Speicher und Energie je Schicht auf einem Gerät, variiert
  calibrate            ein Geräteprofil in Minuten an diese Maschine anpassen
  report MODEL.onnx    HTML-, PDF-, CSV-, JSON- oder Netron-Bericht einer Vorhersage

Optionen:
  -h, --help           diese Hilfe; &apos;layerlens-cli BEFEHL --help&apos; für die Optionen eines Befehls
  -v, --version        die LayerLens-Version
</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; try --help</source>
        <translation>unbekannter Befehl &apos;%1&apos;; --help versuchen</translation>
    </message>
    <message>
        <source>Device profile: a profile folder, a saved profile name, or a built-in one (%1; default %2).</source>
        <translation>Geräteprofil: ein Profilordner, ein gespeicherter Profilname oder ein eingebautes (%1; Standard %2).</translation>
    </message>
    <message>
        <source>%1 takes no arguments besides its options: &apos;%2&apos; (an option that takes several values is repeated before each)</source>
        <translation>%1 nimmt außer seinen Optionen keine Argumente: &apos;%2&apos; (eine Option mit mehreren Werten wird vor jedem wiederholt)</translation>
    </message>
    <message>
        <source>%1 takes at most %2 arguments; &apos;%3&apos; is one too many</source>
        <translation>%1 nimmt höchstens %2 Argumente; &apos;%3&apos; ist eines zu viel</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>layerlens</name>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>layerlens::cli</name>
    <message>
        <source>Loads an ONNX network, binds its symbolic dimensions, and prints every layer&apos;s shapes and analytic cost (MACs, FLOPs, parameters, bytes, arithmetic intensity) with the network&apos;s totals and peak activation memory.</source>
        <translation>Lädt ein ONNX-Netz, setzt seine symbolischen Dimensionen und gibt die Formen und analytischen Kosten jeder Schicht aus (MACs, FLOPs, Parameter, Bytes, arithmetische Intensität) samt den Summen des Netzes und seinem Spitzenspeicher für Aktivierungen.</translation>
    </message>
    <message>
        <source>The ONNX file to analyse.</source>
        <translation>Die zu analysierende ONNX-Datei.</translation>
    </message>
    <message>
        <source>Batch size: value of the symbolic dimension at axis 0 of the inputs (default 1).</source>
        <translation>Batchgröße: Wert der symbolischen Dimension an Achse 0 der Eingaben (Standard 1).</translation>
    </message>
    <message>
        <source>Value of a named symbolic dimension; repeatable.</source>
        <translation>Wert einer benannten symbolischen Dimension; wiederholbar.</translation>
    </message>
    <message>
        <source>Output format: table (default), json or csv.</source>
        <translation>Ausgabeformat: table (Standard), json oder csv.</translation>
    </message>
    <message>
        <source>Table format: also list the shape nodes folded at load time.</source>
        <translation>Tabellenformat: auch die beim Laden gefalteten Formknoten auflisten.</translation>
    </message>
    <message>
        <source>analyze needs the ONNX file to analyse</source>
        <translation>analyze braucht die zu analysierende ONNX-Datei</translation>
    </message>
    <message>
        <source>analyze takes one ONNX file, not %1 arguments</source>
        <translation>analyze nimmt eine ONNX-Datei, nicht %1 Argumente</translation>
    </message>
    <message>
        <source>--dim needs NAME=VALUE, not &apos;%1&apos;</source>
        <translation>--dim braucht NAME=WERT, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source> (set with %1)</source>
        <translation> (gesetzt mit %1)</translation>
    </message>
    <message>
        <source>Adapts a device profile to this machine with a short profiling job: the base profile&apos;s models are kept and corrected per module and metric from a few local samples (few-shot transfer), the per-operator overhead is measured on the given networks, and the error before and after is printed on held-out samples.</source>
        <translation>Passt ein Geräteprofil mit einem kurzen Profilierungsauftrag an diese Maschine an: die Modelle des Basisprofils bleiben und werden je Modul und Metrik aus wenigen lokalen Messwerten korrigiert (Few-Shot-Transfer), der Overhead pro Operator wird an den angegebenen Netzen gemessen, und der Fehler vorher und nachher wird auf zurückgehaltenen Messwerten ausgegeben.</translation>
    </message>
    <message>
        <source>Profile to start from (default %1).</source>
        <translation>Ausgangsprofil (Standard %1).</translation>
    </message>
    <message>
        <source>Profile folder to write.</source>
        <translation>Zu schreibender Profilordner.</translation>
    </message>
    <message>
        <source>Profiling time budget (default 3m).</source>
        <translation>Zeitbudget der Profilierung (Standard 3m).</translation>
    </message>
    <message>
        <source>Profile this many samples instead of a time budget.</source>
        <translation>So viele Messwerte statt eines Zeitbudgets profilieren.</translation>
    </message>
    <message>
        <source>Dataset that keeps the samples; default: %1.</source>
        <translation>Datensatz, der die Messwerte aufnimmt; Standard: %1.</translation>
    </message>
    <message>
        <source>ONNX file or folder whose layers to profile; repeatable.</source>
        <translation>ONNX-Datei oder -Ordner, dessen Schichten profiliert werden; wiederholbar.</translation>
    </message>
    <message>
        <source>calibrate needs --out PROFILE_DIR</source>
        <translation>calibrate braucht --out PROFILE_DIR</translation>
    </message>
    <message>
        <source>--budget needs a duration such as 90s, 3m or 1h, not &apos;%1&apos;</source>
        <translation>--budget braucht eine Dauer wie 90s, 3m oder 1h, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1: keine solche Datei und kein solcher Ordner</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Operators with at least one passing test:
</source>
        <translation>Operatoren mit mindestens einem bestandenen Test:
</translation>
    </message>
    <message>
        <source>%1 passed, %2 failed, %3 unsupported (of %4 tests)
</source>
        <translation>%1 bestanden, %2 fehlgeschlagen, %3 nicht unterstützt (von %4 Tests)
</translation>
    </message>
    <message>
        <source>Runs ONNX backend node tests (folders holding model.onnx and test_data_set_*/) through the LibTorch executor and compares every output with the expected one.</source>
        <translation>Führt ONNX-Backend-Knotentests (Ordner mit model.onnx und test_data_set_*/) mit dem LibTorch-Executor aus und vergleicht jede Ausgabe mit der erwarteten.</translation>
    </message>
    <message>
        <source>Folder of test folders, e.g. /usr/share/libonnx-testdata/data/node</source>
        <translation>Ordner mit Testordnern, z. B. /usr/share/libonnx-testdata/data/node</translation>
    </message>
    <message>
        <source>table (default) or json.</source>
        <translation>table (Standard) oder json.</translation>
    </message>
    <message>
        <source>conformance needs one folder of ONNX node tests</source>
        <translation>conformance braucht einen Ordner mit ONNX-Knotentests</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: kein solcher Ordner</translation>
    </message>
    <message>
        <source>%1: no test folders with a model.onnx</source>
        <translation>%1: keine Testordner mit einer model.onnx</translation>
    </message>
    <message>
        <source>Runs an ONNX network on this device with LibTorch (CPU) and reports its latency (median, p10, min, coefficient of variation, run count, and whether two interleaved halves of the runs agree), the peak memory a run allocates, and energy per inference where the device has an energy sensor.</source>
        <translation>Führt ein ONNX-Netz mit LibTorch (CPU) auf diesem Gerät aus und meldet seine Latenz (Median, p10, Minimum, Variationskoeffizient, Anzahl der Läufe und ob zwei verschränkte Hälften der Läufe übereinstimmen), den Spitzenspeicher, den ein Lauf belegt, und die Energie pro Inferenz, wo das Gerät einen Energiesensor hat.</translation>
    </message>
    <message>
        <source>The ONNX file to run.</source>
        <translation>Die auszuführende ONNX-Datei.</translation>
    </message>
    <message>
        <source>Batch size (default 1).</source>
        <translation>Batchgröße (Standard 1).</translation>
    </message>
    <message>
        <source>Intra-op threads (default 1).</source>
        <translation>Threads innerhalb eines Operators (Standard 1).</translation>
    </message>
    <message>
        <source>Background load to keep on every core while measuring, in percent (default 0).</source>
        <translation>Hintergrundlast auf jedem Kern während der Messung, in Prozent (Standard 0).</translation>
    </message>
    <message>
        <source>Time budget in seconds (default 10).</source>
        <translation>Zeitbudget in Sekunden (Standard 10).</translation>
    </message>
    <message>
        <source>Time every layer too.</source>
        <translation>Auch jede Schicht messen.</translation>
    </message>
    <message>
        <source>Where to measure: local (default), a registered device name, or HOST:PORT of a layerlens-agent (with --token-file).</source>
        <translation>Wo gemessen wird: local (Standard), ein registrierter Gerätename oder HOST:PORT eines layerlens-agent (mit --token-file).</translation>
    </message>
    <message>
        <source>Also write the per-layer timing as a Chrome/Perfetto trace (JSON) to FILE; implies --per-layer.</source>
        <translation>Zusätzlich die Zeiten je Schicht als Chrome/Perfetto-Trace (JSON) in DATEI schreiben; schließt --per-layer ein.</translation>
    </message>
    <message>
        <source>measure needs one ONNX file</source>
        <translation>measure braucht eine ONNX-Datei</translation>
    </message>
    <message>
        <source>--utilization needs a percentage from 0 to 100, not &apos;%1&apos;</source>
        <translation>--utilization braucht einen Prozentwert von 0 bis 100, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--max-time needs a positive number of seconds, not &apos;%1&apos;</source>
        <translation>--max-time braucht eine positive Anzahl Sekunden, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--per-layer is measured on the local device only in this version</source>
        <translation>--per-layer wird in dieser Version nur auf dem lokalen Gerät gemessen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 on %2: median %3 ms (p10 %4, p90 %5, CV %6 %, %7 runs), peak memory %8 MiB, energy %9
</source>
        <translation>%1 auf %2: Median %3 ms (p10 %4, p90 %5, VK %6 %, %7 Läufe), Spitzenspeicher %8 MiB, Energie %9
</translation>
    </message>
    <message>
        <source>%1 J</source>
        <translation>%1 J</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>Predicts a network&apos;s latency, memory and energy per layer on a device from its profile&apos;s regression models, for every combination of the given batch sizes, utilizations and thread counts, and marks the Pareto-optimal ones.</source>
        <translation>Sagt Latenz, Speicher und Energie eines Netzes je Schicht auf einem Gerät aus den Regressionsmodellen seines Profils voraus, für jede Kombination der angegebenen Batchgrößen, Auslastungen und Threadzahlen, und markiert die Pareto-optimalen.</translation>
    </message>
    <message>
        <source>The ONNX file.</source>
        <translation>Die ONNX-Datei.</translation>
    </message>
    <message>
        <source>Batch sizes, comma-separated (default 1).</source>
        <translation>Batchgrößen, durch Kommas getrennt (Standard 1).</translation>
    </message>
    <message>
        <source>Device utilization by other work in %, comma-separated (default 0).</source>
        <translation>Auslastung des Geräts durch andere Arbeit in %, durch Kommas getrennt (Standard 0).</translation>
    </message>
    <message>
        <source>Thread counts, comma-separated (default 1).</source>
        <translation>Threadzahlen, durch Kommas getrennt (Standard 1).</translation>
    </message>
    <message>
        <source>Also list every layer (JSON: for every configuration).</source>
        <translation>Auch jede Schicht auflisten (JSON: für jede Konfiguration).</translation>
    </message>
    <message>
        <source>table (default), json or csv.</source>
        <translation>table (Standard), json oder csv.</translation>
    </message>
    <message>
        <source>predict needs the ONNX file</source>
        <translation>predict braucht die ONNX-Datei</translation>
    </message>
    <message>
        <source>predict takes one ONNX file, not %1 arguments</source>
        <translation>predict nimmt eine ONNX-Datei, nicht %1 Argumente</translation>
    </message>
    <message>
        <source>Profiles module configurations on a device and stores every measurement in a SQLite dataset, one sample at a time. Ctrl-C stops after dropping the sample in flight; --resume continues the same run.</source>
        <translation>Profiliert Modulkonfigurationen auf einem Gerät und speichert jede Messung in einem SQLite-Datensatz, einen Messwert nach dem anderen. Strg-C hält an und verwirft den laufenden Messwert; --resume setzt denselben Lauf fort.</translation>
    </message>
    <message>
        <source>Profiling spec (JSON); default: the built-in spec.</source>
        <translation>Profilierungsspezifikation (JSON); Standard: die eingebaute.</translation>
    </message>
    <message>
        <source>Dataset file; default: %1.</source>
        <translation>Datensatzdatei; Standard: %1.</translation>
    </message>
    <message>
        <source>Where to profile: local (default), a registered device name, or HOST:PORT of a layerlens-agent (with --token-file); remote samples are fetched into --db as they are taken.</source>
        <translation>Wo profiliert wird: local (Standard), ein registrierter Gerätename oder HOST:PORT eines layerlens-agent (mit --token-file); entfernte Messwerte werden während der Messung in --db geholt.</translation>
    </message>
    <message>
        <source>Time budget: 90s, 10m, 1h30m.</source>
        <translation>Zeitbudget: 90s, 10m, 1h30m.</translation>
    </message>
    <message>
        <source>Samples to take.</source>
        <translation>Anzahl der Messwerte.</translation>
    </message>
    <message>
        <source>Continue the latest unfinished run of this spec here.</source>
        <translation>Den letzten unvollendeten Lauf dieser Spezifikation hier fortsetzen.</translation>
    </message>
    <message>
        <source>ONNX file or folder whose layers give real configurations; repeatable.</source>
        <translation>ONNX-Datei oder -Ordner, dessen Schichten reale Konfigurationen liefern; wiederholbar.</translation>
    </message>
    <message>
        <source>Adaptive refinement: measure where this profile&apos;s latency models err most on the dataset&apos;s samples of its device (retrain after with train --base).</source>
        <translation>Adaptive Verfeinerung: dort messen, wo die Latenzmodelle dieses Profils auf den Messwerten seines Geräts im Datensatz am stärksten irren (danach mit train --base neu trainieren).</translation>
    </message>
    <message>
        <source>--device local cannot share a job with remote devices</source>
        <translation>--device local kann keinen Auftrag mit entfernten Geräten teilen</translation>
    </message>
    <message>
        <source>--resume and --refine work on the local device; a remote job resumes by itself on its agent</source>
        <translation>--resume und --refine arbeiten auf dem lokalen Gerät; ein entfernter Auftrag setzt sich auf seinem Agenten selbst fort</translation>
    </message>
    <message>
        <source>--budget needs a duration such as 90s, 10m or 1h30m, not &apos;%1&apos;</source>
        <translation>--budget braucht eine Dauer wie 90s, 10m oder 1h30m, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>profile needs --budget DURATION or --samples N</source>
        <translation>profile braucht --budget DAUER oder --samples N</translation>
    </message>
    <message>
        <source>--harvest %1: no such file or folder</source>
        <translation>--harvest %1: keine solche Datei und kein solcher Ordner</translation>
    </message>
    <message>
        <source>--refine starts a new run; it cannot be combined with --resume</source>
        <translation>--refine beginnt einen neuen Lauf; es lässt sich nicht mit --resume kombinieren</translation>
    </message>
    <message>
        <source>%1 holds no samples of the device profile %2 was trained on (%3)</source>
        <translation>%1 enthält keine Messwerte des Geräts, auf dem Profil %2 trainiert wurde (%3)</translation>
    </message>
    <message>
        <source>%1: none of its modules has samples to refine in %2</source>
        <translation>%1: keines seiner Module hat Messwerte zum Verfeinern in %2</translation>
    </message>
    <message>
        <source>refining where %1 errs most:
  %2
</source>
        <translation>verfeinere dort, wo %1 am stärksten irrt:
  %2
</translation>
    </message>
    <message>
        <source>run %1: %2 samples stored in %3 (%4 per minute), %5 skipped; %6 real configurations harvested; dataset %7
</source>
        <translation>Lauf %1: %2 Messwerte in %3 gespeichert (%4 pro Minute), %5 übersprungen; %6 reale Konfigurationen geerntet; Datensatz %7
</translation>
    </message>
    <message>
        <source>  skipped: %1
</source>
        <translation>  übersprungen: %1
</translation>
    </message>
    <message>
        <source>Interrupted: the sample in flight was dropped; continue with --resume.
</source>
        <translation>Unterbrochen: der laufende Messwert wurde verworfen; mit --resume fortsetzen.
</translation>
    </message>
    <message>
        <source>Summarizes a profiling dataset per device and module; exports it as CSV or JSON lines, or imports either (samples already stored are skipped).</source>
        <translation>Fasst einen Profilierungsdatensatz je Gerät und Modul zusammen; exportiert ihn als CSV oder JSON-Zeilen oder importiert beides (bereits gespeicherte Messwerte werden übersprungen).</translation>
    </message>
    <message>
        <source>Write every sample to FILE.csv or FILE.jsonl.</source>
        <translation>Jeden Messwert in DATEI.csv oder DATEI.jsonl schreiben.</translation>
    </message>
    <message>
        <source>Add the samples of a FILE.jsonl or FILE.csv that datasets --export wrote; samples already stored are skipped.</source>
        <translation>Die Messwerte einer von datasets --export geschriebenen DATEI.jsonl oder DATEI.csv hinzufügen; bereits gespeicherte werden übersprungen.</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
    <message>
        <source>imported %1 new samples of %2
</source>
        <translation>%1 neue Messwerte aus %2 importiert
</translation>
    </message>
    <message>
        <source>--export: the file must end in .csv or .jsonl</source>
        <translation>--export: die Datei muss auf .csv oder .jsonl enden</translation>
    </message>
    <message>
        <source>exported %1 samples to %2
</source>
        <translation>%1 Messwerte nach %2 exportiert
</translation>
    </message>
    <message>
        <source>%1: %2 samples
</source>
        <translation>%1: %2 Messwerte
</translation>
    </message>
    <message>
        <source>  %1 %2 samples, median latency %3 to %4 ms, last %5
</source>
        <translation>  %1 %2 Messwerte, Median-Latenz %3 bis %4 ms, zuletzt %5
</translation>
    </message>
    <message>
        <source>registered device %1: %2</source>
        <translation>registriertes Gerät %1: %2</translation>
    </message>
    <message>
        <source>--device: %1, nor a registered device (layerlens-cli devices list)</source>
        <translation>--device: %1, auch kein registriertes Gerät (layerlens-cli devices list)</translation>
    </message>
    <message>
        <source>--device %1 needs --token-file FILE</source>
        <translation>--device %1 braucht --token-file DATEI</translation>
    </message>
    <message>
        <source>remote job %1 on %2: %3; %4 samples fetched, %5 new in %6 (device %7)%8
</source>
        <translation>entfernter Auftrag %1 auf %2: %3; %4 Messwerte geholt, %5 neu in %6 (Gerät %7)%8
</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>unvollendet</translation>
    </message>
    <message>
        <source>; reconnected %1 time(s)</source>
        <translation>; %1-mal neu verbunden</translation>
    </message>
    <message>
        <source>%1 and %2 are different kinds of device (CPU, cores, memory, OS or BLAS differ); profile them separately</source>
        <translation>%1 und %2 sind verschiedene Gerätearten (CPU, Kerne, Speicher, Betriebssystem oder BLAS unterscheiden sich); getrennt profilieren</translation>
    </message>
    <message>
        <source>%1 (share %2/%3): job %4 %5, %6 samples fetched, %7 new%8
</source>
        <translation>%1 (Anteil %2/%3): Auftrag %4 %5, %6 Messwerte geholt, %7 neu%8
</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>merged into %1
</source>
        <translation>zusammengeführt in %1
</translation>
    </message>
    <message>
        <source>Lists, adds or removes the remote devices (layerlens-agent) this host knows. Tokens are stored in their own 0600 files, not in the settings.</source>
        <translation>Listet, ergänzt oder entfernt die entfernten Geräte (layerlens-agent), die dieser Host kennt. Tokens liegen in eigenen 0600-Dateien, nicht in den Einstellungen.</translation>
    </message>
    <message>
        <source>list (default), add or remove.</source>
        <translation>list (Standard), add oder remove.</translation>
    </message>
    <message>
        <source>local        this machine (in-process)
</source>
        <translation>local        diese Maschine (im Prozess)
</translation>
    </message>
    <message>
        <source>  TLS%1</source>
        <translation>  TLS%1</translation>
    </message>
    <message>
        <source>, trusts %1</source>
        <translation>, vertraut %1</translation>
    </message>
    <message>
        <source>devices remove needs NAME</source>
        <translation>devices remove braucht NAME</translation>
    </message>
    <message>
        <source>removed %1
</source>
        <translation>%1 entfernt
</translation>
    </message>
    <message>
        <source>devices add needs NAME HOST:PORT --token-file FILE</source>
        <translation>devices add braucht NAME HOST:PORT --token-file DATEI</translation>
    </message>
    <message>
        <source>added %1 at %2; token kept in %3
</source>
        <translation>%1 unter %2 hinzugefügt; Token in %3 abgelegt
</translation>
    </message>
    <message>
        <source>Connects to a device&apos;s agent and prints its description as JSON.</source>
        <translation>Verbindet sich mit dem Agenten eines Geräts und gibt seine Beschreibung als JSON aus.</translation>
    </message>
    <message>
        <source>HOST:PORT or a registered name.</source>
        <translation>HOST:PORT oder ein registrierter Name.</translation>
    </message>
    <message>
        <source>device-info needs --device HOST:PORT or a registered device name</source>
        <translation>device-info braucht --device HOST:PORT oder einen registrierten Gerätenamen</translation>
    </message>
    <message>
        <source>device-info is for remote devices; layerlens-agent --info describes this one</source>
        <translation>device-info ist für entfernte Geräte; layerlens-agent --info beschreibt dieses</translation>
    </message>
    <message>
        <source>%1 takes one value in a report; &apos;predict&apos; sweeps several</source>
        <translation>%1 nimmt in einem Bericht nur einen Wert; &apos;predict&apos; variiert mehrere</translation>
    </message>
    <message>
        <source>Writes a report of a network&apos;s predicted latency, memory and energy per layer on a device: HTML (one self-contained file with plots), PDF, CSV (one row per layer), JSON (the full result) or a Netron attachment (.netron.json, opened next to the model in Netron). The file&apos;s extension picks the format unless --format is given.</source>
        <translation>Schreibt einen Bericht über die vorhergesagte Latenz, den Speicher und die Energie eines Netzes je Schicht auf einem Gerät: HTML (eine in sich geschlossene Datei mit Diagrammen), PDF, CSV (eine Zeile je Schicht), JSON (das vollständige Ergebnis) oder einen Netron-Anhang (.netron.json, in Netron neben dem Modell geöffnet). Die Dateiendung wählt das Format, sofern --format nicht angegeben ist.</translation>
    </message>
    <message>
        <source>Device utilization by other work in % (default 0).</source>
        <translation>Auslastung des Geräts durch andere Arbeit in % (Standard 0).</translation>
    </message>
    <message>
        <source>Thread count (default 1).</source>
        <translation>Threadzahl (Standard 1).</translation>
    </message>
    <message>
        <source>The report file: .html, .pdf, .csv, .json or .netron.json.</source>
        <translation>Die Berichtsdatei: .html, .pdf, .csv, .json oder .netron.json.</translation>
    </message>
    <message>
        <source>html, pdf, csv, json or netron, whatever the extension.</source>
        <translation>html, pdf, csv, json oder netron, unabhängig von der Endung.</translation>
    </message>
    <message>
        <source>report needs the ONNX file</source>
        <translation>report braucht die ONNX-Datei</translation>
    </message>
    <message>
        <source>report takes one ONNX file, not %1 arguments</source>
        <translation>report nimmt eine ONNX-Datei, nicht %1 Argumente</translation>
    </message>
    <message>
        <source>report needs --out FILE (.html, .pdf, .csv, .json or .netron.json)</source>
        <translation>report braucht --out DATEI (.html, .pdf, .csv, .json oder .netron.json)</translation>
    </message>
    <message>
        <source>--format must be html, pdf, csv, json or netron, not &apos;%1&apos;</source>
        <translation>--format muss html, pdf, csv, json oder netron sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: cannot tell the format from the extension; use .html, .pdf, .csv, .json or .netron.json, or give --format</source>
        <translation>%1: das Format lässt sich nicht an der Endung erkennen; .html, .pdf, .csv, .json oder .netron.json verwenden oder --format angeben</translation>
    </message>
    <message>
        <source>PDF reports need the Qt GUI library, which this run did not start</source>
        <translation>PDF-Berichte brauchen die Qt-GUI-Bibliothek, die dieser Lauf nicht gestartet hat</translation>
    </message>
    <message>
        <source>wrote %1 (%2 layers, predicted latency %3 ms)
</source>
        <translation>%1 geschrieben (%2 Schichten, vorhergesagte Latenz %3 ms)
</translation>
    </message>
    <message>
        <source>warning: %1
</source>
        <translation>Warnung: %1
</translation>
    </message>
    <message>
        <source>%1: training: %2</source>
        <translation>%1: Training: %2</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>trained on %1; profile written to %2
</source>
        <translation>auf %1 trainiert; Profil nach %2 geschrieben
</translation>
    </message>
    <message>
        <source>Trains regression models per module from a profiling dataset, evaluates every kind on held-out configurations, selects per module and target the cheapest model within --tolerance MAPE points of the best, and writes a device profile bundle. Neural kinds (mlp, medn) train with LibTorch.</source>
        <translation>Trainiert Regressionsmodelle je Modul aus einem Profilierungsdatensatz, bewertet jede Art auf zurückgehaltenen Konfigurationen, wählt je Modul und Zielgröße das günstigste Modell innerhalb von --tolerance MAPE-Punkten zum besten und schreibt ein Geräteprofil. Neuronale Arten (mlp, medn) trainieren mit LibTorch.</translation>
    </message>
    <message>
        <source>Device fingerprint, when the dataset holds several.</source>
        <translation>Geräte-Fingerabdruck, wenn der Datensatz mehrere enthält.</translation>
    </message>
    <message>
        <source>Comma-separated modules to train (default: all).</source>
        <translation>Zu trainierende Module, durch Kommas getrennt (Standard: alle).</translation>
    </message>
    <message>
        <source>Comma-separated model kinds to try (default: all: %1).</source>
        <translation>Zu versuchende Modellarten, durch Kommas getrennt (Standard: alle: %1).</translation>
    </message>
    <message>
        <source>MAPE points within the best that a cheaper model may be selected (default 0.5).</source>
        <translation>MAPE-Punkte Abstand zum besten, innerhalb derer ein günstigeres Modell gewählt werden darf (Standard 0,5).</translation>
    </message>
    <message>
        <source>Earlier profile of the same device: modules without new samples are taken over from it instead of retrained (incremental retraining; may equal --out).</source>
        <translation>Früheres Profil desselben Geräts: Module ohne neue Messwerte werden daraus übernommen statt neu trainiert (inkrementelles Training; darf gleich --out sein).</translation>
    </message>
    <message>
        <source>table or json.</source>
        <translation>table oder json.</translation>
    </message>
    <message>
        <source>Train on a remote device&apos;s agent, from the samples it holds (a registered name or HOST:PORT with --token-file), and download the profile into --out.</source>
        <translation>Auf dem Agenten eines entfernten Geräts aus dessen Messwerten trainieren (ein registrierter Name oder HOST:PORT mit --token-file) und das Profil nach --out laden.</translation>
    </message>
    <message>
        <source>train needs --out PROFILE_DIR</source>
        <translation>train braucht --out PROFILE_DIR</translation>
    </message>
    <message>
        <source>--tolerance must be a number of MAPE points &gt;= 0, not &apos;%1&apos;</source>
        <translation>--tolerance muss eine Anzahl MAPE-Punkte &gt;= 0 sein, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>skipped: %1
</source>
        <translation>übersprungen: %1
</translation>
    </message>
    <message>
        <source>unchanged since the base profile, not retrained: %1
</source>
        <translation>seit dem Basisprofil unverändert, nicht neu trainiert: %1
</translation>
    </message>
    <message>
        <source>profile written to %1
</source>
        <translation>Profil nach %1 geschrieben
</translation>
    </message>
    <message>
        <source>Prints a device profile&apos;s evaluation and selection tables.</source>
        <translation>Gibt die Bewertungs- und Auswahltabellen eines Geräteprofils aus.</translation>
    </message>
    <message>
        <source>Profile folder.</source>
        <translation>Profilordner.</translation>
    </message>
    <message>
        <source>models needs one profile folder</source>
        <translation>models braucht einen Profilordner</translation>
    </message>
    <message>
        <source>devices list takes no NAME: &apos;%1&apos;</source>
        <translation>devices list nimmt keinen NAMEN: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>profile %1
</source>
        <translation>Profil %1
</translation>
    </message>
    <message>
        <source>Profile nothing: time the speed reference (a fixed small network, 3 s) and say how much faster or slower this machine runs now than when the --base profile was calibrated.</source>
        <translation>Nichts profilieren: die Geschwindigkeitsreferenz (ein festes kleines Netz, 3 s) messen und sagen, wie viel schneller oder langsamer diese Maschine jetzt läuft als bei der Kalibrierung des --base-Profils.</translation>
    </message>
    <message>
        <source>With --check: text (default) or json.</source>
        <translation>Mit --check: text (Standard) oder json.</translation>
    </message>
    <message>
        <source>--check profiles nothing; it takes no --%1</source>
        <translation>--check profiliert nichts; es nimmt kein --%1</translation>
    </message>
    <message>
        <source>--format applies to --check only</source>
        <translation>--format gilt nur für --check</translation>
    </message>
    <message>
        <source>--speed-ratio needs a positive number or &apos;now&apos;, not &apos;%1&apos;</source>
        <translation>--speed-ratio braucht eine positive Zahl oder &apos;now&apos;, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 recorded no speed reference to compare with; calibrate it, or give --speed-ratio a number</source>
        <translation>%1 hat keine Geschwindigkeitsreferenz zum Vergleich aufgezeichnet; kalibrieren Sie es oder geben Sie --speed-ratio eine Zahl</translation>
    </message>
    <message>
        <source>Scale every latency to a machine that takes R times what the profile&apos;s machine took at calibration: a number (from &apos;calibrate --check&apos;), or &apos;now&apos; to time the speed reference here first (3 s; the profile must have recorded one).</source>
        <translation>Jede Latenz auf eine Maschine skalieren, die R-mal so lange braucht wie die Maschine des Profils bei der Kalibrierung: eine Zahl (aus &apos;calibrate --check&apos;) oder &apos;now&apos;, um zuerst hier die Geschwindigkeitsreferenz zu messen (3 s; das Profil muss eine aufgezeichnet haben).</translation>
    </message>
    <message>
        <source>--refit measures nothing; it takes no --%1</source>
        <translation>--refit misst nichts; es nimmt kein --%1</translation>
    </message>
    <message>
        <source>Measure nothing: fit the calibrated profile again from a calibration kept in the dataset (its module samples and network measurements; &apos;last&apos; for the latest), with this LayerLens&apos;s methods, from the base it used unless --base names another.</source>
        <translation>Nichts messen: das kalibrierte Profil erneut aus einer im Datensatz aufbewahrten Kalibrierung anpassen (ihre Modulmesswerte und Netzmessungen; &apos;last&apos; für die neueste), mit den Verfahren dieser LayerLens-Version, ausgehend von ihrem Basisprofil, sofern --base kein anderes nennt.</translation>
    </message>
    <message>
        <source>calibrations kept with their network measurements, runs %1 (fit again with &apos;calibrate --refit RUN --db %2 --out DIR&apos;)
</source>
        <translation>Kalibrierungen mit aufbewahrten Netzmessungen, Läufe %1 (erneut anpassen mit &apos;calibrate --refit RUN --db %2 --out DIR&apos;)
</translation>
    </message>
    <message>
        <source>ONNX file or folder to measure with per-layer timing (at batch 1; also at batch 8 and on 2 threads where a run takes under 150 ms) for the in-network corrections, cache-miss costs and per-operator overhead, and to harvest; repeatable.</source>
        <translation>ONNX-Datei oder -Ordner, pro Schicht zu messen (bei Batch 1; auch bei Batch 8 und auf 2 Threads, wo ein Lauf unter 150 ms dauert) für die netzinternen Korrekturen, die Kosten der Cache-Fehlzugriffe und den Aufwand pro Operator, und zum Ernten; wiederholbar.</translation>
    </message>
    <message>
        <source>measuring %1 (%2 %)</source>
        <translation>messe %1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>layerlens::core</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: the token file is empty</source>
        <translation>%1: die Token-Datei ist leer</translation>
    </message>
    <message>
        <source>%1: expected a number from %2 to %3</source>
        <translation>%1: eine Zahl von %2 bis %3 erwartet</translation>
    </message>
    <message>
        <source>%1: %2; reconnecting</source>
        <translation>%1: %2; verbinde neu</translation>
    </message>
    <message>
        <source>%1: gave up reconnecting (%2); %3 samples imported, the agent keeps the rest for the next fetch</source>
        <translation>%1: Neuverbinden aufgegeben (%2); %3 Messwerte importiert, der Agent behält den Rest für den nächsten Abruf</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>keine solche Datei</translation>
    </message>
    <message>
        <source>is a folder, not an ONNX file</source>
        <translation>ist ein Ordner, keine ONNX-Datei</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is %1 bytes, over the 2 GB protobuf limit; ONNX files that large must keep their weights in external data files</source>
        <translation>ist %1 Bytes groß, über der 2-GB-Grenze von protobuf; so große ONNX-Dateien müssen ihre Gewichte in externen Datendateien halten</translation>
    </message>
    <message>
        <source>is not a valid ONNX file: its protobuf data is truncated or corrupted</source>
        <translation>ist keine gültige ONNX-Datei: ihre protobuf-Daten sind abgeschnitten oder beschädigt</translation>
    </message>
    <message>
        <source>is not an ONNX model (no IR version or no graph; the protobuf data may be corrupted)</source>
        <translation>ist kein ONNX-Modell (keine IR-Version oder kein Graph; die protobuf-Daten sind womöglich beschädigt)</translation>
    </message>
    <message>
        <source>uses ONNX IR version %1, which predates opset imports; LayerLens reads IR version 3 and later</source>
        <translation>verwendet ONNX-IR-Version %1, die älter als Opset-Importe ist; LayerLens liest IR-Version 3 und neuer</translation>
    </message>
    <message>
        <source>uses ONNX IR version %1, newer than the newest LayerLens knows (%2)</source>
        <translation>verwendet ONNX-IR-Version %1, neuer als die neueste, die LayerLens kennt (%2)</translation>
    </message>
    <message>
        <source>declares no opset for the default ONNX domain</source>
        <translation>deklariert kein Opset für die Standard-ONNX-Domäne</translation>
    </message>
    <message>
        <source>uses opset %1; LayerLens reads opsets %2 to %3</source>
        <translation>verwendet Opset %1; LayerLens liest Opsets %2 bis %3</translation>
    </message>
    <message>
        <source>uses opset %1, newer than the newest LayerLens knows (%2)</source>
        <translation>verwendet Opset %1, neuer als das neueste, das LayerLens kennt (%2)</translation>
    </message>
    <message>
        <source>has a negative dimension (%1)</source>
        <translation>hat eine negative Dimension (%1)</translation>
    </message>
    <message>
        <source>declares an implausible number of elements</source>
        <translation>deklariert eine unplausible Anzahl von Elementen</translation>
    </message>
    <message>
        <source>holds %1 values but its dims declare %2 elements</source>
        <translation>enthält %1 Werte, aber seine Dimensionen deklarieren %2 Elemente</translation>
    </message>
    <message>
        <source>holds %1 strings but its dims declare %2 elements</source>
        <translation>enthält %1 Zeichenketten, aber seine Dimensionen deklarieren %2 Elemente</translation>
    </message>
    <message>
        <source>has an invalid external-data %1 &apos;%2&apos;</source>
        <translation>hat ein ungültiges external-data-Feld %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>says its data is external but names no file</source>
        <translation>gibt an, dass seine Daten extern sind, nennt aber keine Datei</translation>
    </message>
    <message>
        <source>names external data &apos;%1&apos; outside the model&apos;s folder</source>
        <translation>nennt externe Daten &apos;%1&apos; außerhalb des Modellordners</translation>
    </message>
    <message>
        <source>keeps its data in &apos;%1&apos;, which does not exist</source>
        <translation>hält seine Daten in &apos;%1&apos;, das nicht existiert</translation>
    </message>
    <message>
        <source>declares %1 bytes of external data but its dims need %2</source>
        <translation>deklariert %1 Bytes externer Daten, seine Dimensionen brauchen aber %2</translation>
    </message>
    <message>
        <source>needs bytes %1 to %2 of &apos;%3&apos;, which holds only %4</source>
        <translation>braucht die Bytes %1 bis %2 von &apos;%3&apos;, das nur %4 enthält</translation>
    </message>
    <message>
        <source>cannot read external data &apos;%1&apos;: %2</source>
        <translation>externe Daten &apos;%1&apos; können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1 bytes of external data from &apos;%2&apos;</source>
        <translation>%1 Bytes externer Daten aus &apos;%2&apos; können nicht gelesen werden</translation>
    </message>
    <message>
        <source>has unknown element type %1</source>
        <translation>hat den unbekannten Elementtyp %1</translation>
    </message>
    <message>
        <source>is a string tensor with raw data, which ONNX does not allow</source>
        <translation>ist ein Zeichenketten-Tensor mit Rohdaten, was ONNX nicht erlaubt</translation>
    </message>
    <message>
        <source>holds %1 bytes of raw data but its dims and type need %2</source>
        <translation>enthält %1 Bytes Rohdaten, seine Dimensionen und sein Typ brauchen aber %2</translation>
    </message>
    <message>
        <source>holds no data for its %1 elements</source>
        <translation>enthält keine Daten für seine %1 Elemente</translation>
    </message>
    <message>
        <source>keeps an attribute tensor in external data, which LayerLens does not read</source>
        <translation>hält einen Attribut-Tensor in externen Daten, die LayerLens nicht liest</translation>
    </message>
    <message>
        <source>%1, batch %2, %3 thread(s), background load %4% (achieved %5%)
</source>
        <translation>%1, Batch %2, %3 Thread(s), Hintergrundlast %4% (erreicht %5%)
</translation>
    </message>
    <message>
        <source>Latency   median %1 ms  p10 %2  min %3  p90 %4  cv %5%  (%6 runs after %7 warm-up, %8 s)
</source>
        <translation>Latenz    Median %1 ms  p10 %2  min %3  p90 %4  VK %5%  (%6 Läufe nach %7 Aufwärmläufen, %8 s)
</translation>
    </message>
    <message>
        <source>Repeatability: interleaved halves differ by %1% (tolerance %2%): %3
</source>
        <translation>Wiederholbarkeit: verschränkte Hälften weichen um %1% ab (Toleranz %2%): %3
</translation>
    </message>
    <message>
        <source>repeatable</source>
        <translation>wiederholbar</translation>
    </message>
    <message>
        <source>NOT repeatable</source>
        <translation>NICHT wiederholbar</translation>
    </message>
    <message>
        <source>Memory    peak allocated %1 during a run, resident growth %2
</source>
        <translation>Speicher  Spitze %1 während eines Laufs belegt, Zuwachs des Arbeitsspeichers %2
</translation>
    </message>
    <message>
        <source>Energy    %1 J per inference (sensors: %2; idle %3 W)
</source>
        <translation>Energie   %1 J pro Inferenz (Sensoren: %2; Leerlauf %3 W)
</translation>
    </message>
    <message>
        <source>Energy    unavailable: %1
</source>
        <translation>Energie   nicht verfügbar: %1
</translation>
    </message>
    <message>
        <source>
   #  %1  %2  median ms   share
</source>
        <translation>
   #  %1  %2  Median ms  Anteil
</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Sum of layer medians %1 ms; end-to-end median %2 ms; gap %3 ms
</source>
        <translation>Summe der Schicht-Mediane %1 ms; Median Ende-zu-Ende %2 ms; Lücke %3 ms
</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2)</source>
        <translation>%1: kein gültiges JSON (%2)</translation>
    </message>
    <message>
        <source>%1 holds samples of several devices; choose one with --device-id (%2, %3, ...)</source>
        <translation>%1 enthält Messwerte mehrerer Geräte; eines mit --device-id wählen (%2, %3, ...)</translation>
    </message>
    <message>
        <source>%1: no samples to train on</source>
        <translation>%1: keine Messwerte zum Trainieren</translation>
    </message>
    <message>
        <source>%1: no samples</source>
        <translation>%1: keine Messwerte</translation>
    </message>
    <message>
        <source>no module had enough samples to train (%1)</source>
        <translation>kein Modul hatte genug Messwerte zum Trainieren (%1)</translation>
    </message>
    <message>
        <source>module %1 has %2 samples; training needs at least %3</source>
        <translation>Modul %1 hat %2 Messwerte; das Training braucht mindestens %3</translation>
    </message>
    <message>
        <source>layer %1 has inconsistent sizes</source>
        <translation>Schicht %1 hat widersprüchliche Größen</translation>
    </message>
    <message>
        <source>device %1, dataset %2
</source>
        <translation>Gerät %1, Datensatz %2
</translation>
    </message>
    <message>
        <source>module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>MAPE %</source>
        <translation>MAPE %</translation>
    </message>
    <message>
        <source>R2</source>
        <translation>R2</translation>
    </message>
    <message>
        <source>&lt;=10%</source>
        <translation>&lt;=10%</translation>
    </message>
    <message>
        <source>us/pred</source>
        <translation>µs/Vorh.</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>test/train</source>
        <translation>Test/Training</translation>
    </message>
    <message>
        <source>  &lt;- selected</source>
        <translation>  &lt;- gewählt</translation>
    </message>
    <message>
        <source>
selection vs one kind everywhere (mean over modules of held-out MAPE %, R2)
</source>
        <translation>
Auswahl gegenüber einer Art überall (Mittel über Module der MAPE % auf Testdaten, R2)
</translation>
    </message>
    <message>
        <source>%1 (%2 modules): selected %3 / %4</source>
        <translation>%1 (%2 Module): gewählt %3 / %4</translation>
    </message>
    <message>
        <source>, MEDN alone %1 / %2</source>
        <translation>, MEDN allein %1 / %2</translation>
    </message>
    <message>
        <source>, best single kind %1 %2 / %3
</source>
        <translation>, beste einzelne Art %1 %2 / %3
</translation>
    </message>
    <message>
        <source>  MEDN at least as accurate as every other kind in: %1
</source>
        <translation>  MEDN mindestens so genau wie jede andere Art in: %1
</translation>
    </message>
    <message>
        <source>no samples of this device to calibrate with</source>
        <translation>keine Messwerte dieses Geräts zum Kalibrieren</translation>
    </message>
    <message>
        <source>fit/held</source>
        <translation>Fit/Test</translation>
    </message>
    <message>
        <source>MAPE before</source>
        <translation>MAPE vorher</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nachher</translation>
    </message>
    <message>
        <source>log y =</source>
        <translation>log y =</translation>
    </message>
    <message>
        <source>kept (no held-out gain)</source>
        <translation>beibehalten (kein Gewinn auf Testdaten)</translation>
    </message>
    <message>
        <source>no samples here, kept as they were: %1
</source>
        <translation>hier keine Messwerte, unverändert übernommen: %1
</translation>
    </message>
    <message>
        <source>latency on %1 held-out samples of this device: MAPE %2 % before, %3 % after
</source>
        <translation>Latenz auf %1 zurückgehaltenen Messwerten dieses Geräts: MAPE %2 % vorher, %3 % nachher
</translation>
    </message>
    <message>
        <source>the calibration spec is missing from this build</source>
        <translation>die Kalibrierungsspezifikation fehlt in diesem Build</translation>
    </message>
    <message>
        <source>Interrupted after %1 samples (kept in %2); no profile written.
</source>
        <translation>Unterbrochen nach %1 Messwerten (in %2 behalten); kein Profil geschrieben.
</translation>
    </message>
    <message>
        <source>%1 samples of this device in %2 s (run %3 of %4)
</source>
        <translation>%1 Messwerte dieses Geräts in %2 s (Lauf %3 von %4)
</translation>
    </message>
    <message>
        <source>%1 not measured: %2
</source>
        <translation>%1 nicht gemessen: %2
</translation>
    </message>
    <message>
        <source>in-network correction per module (blocks of the measured networks, MAPE before -&gt; after):
</source>
        <translation>Korrektur im Netz je Modul (Blöcke der gemessenen Netze, MAPE vorher -&gt; nachher):
</translation>
    </message>
    <message>
        <source>per-operator overhead %1 ms; calibrated profile written to %2
</source>
        <translation>Overhead pro Operator %1 ms; kalibriertes Profil nach %2 geschrieben
</translation>
    </message>
    <message>
        <source>the profiled device had no energy sensor; energy is unavailable</source>
        <translation>das profilierte Gerät hatte keinen Energiesensor; Energie ist nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 on %2 (%3)
</source>
        <translation>%1 auf %2 (%3)
</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>util %</source>
        <translation>Ausl. %</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>latency ms [interval]</source>
        <translation>Latenz ms [Intervall]</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>  pareto</source>
        <translation>  Pareto</translation>
    </message>
    <message>
        <source>
per layer at batch %1, utilization %2%, %3 thread(s)
</source>
        <translation>
je Schicht bei Batch %1, Auslastung %2%, %3 Thread(s)
</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>  out of distribution</source>
        <translation>  außerhalb der Verteilung</translation>
    </message>
    <message>
        <source>%1 layer(s) without a model, counted at the per-operator overhead only: %2
</source>
        <translation>%1 Schicht(en) ohne Modell, nur mit dem Overhead pro Operator gezählt: %2
</translation>
    </message>
    <message>
        <source>%1 layer(s) outside the configurations their model was trained on (--per-layer shows which)
</source>
        <translation>%1 Schicht(en) außerhalb der Konfigurationen, auf denen ihr Modell trainiert wurde (--per-layer zeigt welche)
</translation>
    </message>
    <message>
        <source>energy: unavailable (the profiled device had no energy sensor)
</source>
        <translation>Energie: nicht verfügbar (das profilierte Gerät hatte keinen Energiesensor)
</translation>
    </message>
    <message>
        <source>not calibrated</source>
        <translation>nicht kalibriert</translation>
    </message>
    <message>
        <source>predicted in %1 us
</source>
        <translation>vorhergesagt in %1 µs
</translation>
    </message>
    <message>
        <source>missing key &apos;%1&apos;</source>
        <translation>Schlüssel &apos;%1&apos; fehlt</translation>
    </message>
    <message>
        <source>a sample needs an id, a module and a positive median latency</source>
        <translation>ein Messwert braucht eine ID, ein Modul und eine positive Median-Latenz</translation>
    </message>
    <message>
        <source>line 1: not a LayerLens sample CSV (its header differs)</source>
        <translation>Zeile 1: keine LayerLens-Messwert-CSV (ihre Kopfzeile weicht ab)</translation>
    </message>
    <message>
        <source>line %1: expected %2 fields</source>
        <translation>Zeile %1: %2 Felder erwartet</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>kernel %1 exceeds the padded input %2</source>
        <translation>Kern %1 ist größer als die aufgefüllte Eingabe %2</translation>
    </message>
    <message>
        <source>%1: expected an object with one of &quot;choices&quot;, &quot;uniform&quot; or &quot;log_uniform&quot;</source>
        <translation>%1: ein Objekt mit &quot;choices&quot;, &quot;uniform&quot; oder &quot;log_uniform&quot; erwartet</translation>
    </message>
    <message>
        <source>%1: expected a non-empty array of positive integers</source>
        <translation>%1: ein nicht leeres Array positiver ganzer Zahlen erwartet</translation>
    </message>
    <message>
        <source>%1: expected positive integers</source>
        <translation>%1: positive ganze Zahlen erwartet</translation>
    </message>
    <message>
        <source>%1: unknown kind of range (use choices, uniform or log_uniform)</source>
        <translation>%1: unbekannte Art von Bereich (choices, uniform oder log_uniform verwenden)</translation>
    </message>
    <message>
        <source>%1: expected [low, high] with positive integers</source>
        <translation>%1: [unten, oben] mit positiven ganzen Zahlen erwartet</translation>
    </message>
    <message>
        <source>%1: empty range [%2, %3]</source>
        <translation>%1: leerer Bereich [%2, %3]</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: ein Objekt erwartet</translation>
    </message>
    <message>
        <source>%1.op: unknown module operator &apos;%2&apos; (known: %3)</source>
        <translation>%1.op: unbekannter Moduloperator &apos;%2&apos; (bekannt: %3)</translation>
    </message>
    <message>
        <source>%1.then: expected an array of operator names</source>
        <translation>%1.then: ein Array von Operatornamen erwartet</translation>
    </message>
    <message>
        <source>%1.then: &apos;%2&apos; cannot be fused (Relu, Clip, Sigmoid, HardSwish)</source>
        <translation>%1.then: &apos;%2&apos; kann nicht fusioniert werden (Relu, Clip, Sigmoid, HardSwish)</translation>
    </message>
    <message>
        <source>%1.depthwise: expected true or false</source>
        <translation>%1.depthwise: true oder false erwartet</translation>
    </message>
    <message>
        <source>%1.depthwise: only Conv modules can be depthwise</source>
        <translation>%1.depthwise: nur Conv-Module können depthwise sein</translation>
    </message>
    <message>
        <source>%1.params: expected an object</source>
        <translation>%1.params: ein Objekt erwartet</translation>
    </message>
    <message>
        <source>%1.params.%2: unknown parameter for %3 (known: %4)</source>
        <translation>%1.params.%2: unbekannter Parameter für %3 (bekannt: %4)</translation>
    </message>
    <message>
        <source>%1.params: missing &apos;%2&apos;</source>
        <translation>%1.params: &apos;%2&apos; fehlt</translation>
    </message>
    <message>
        <source>%1.%2: expected a non-empty array of integers from %3 to %4</source>
        <translation>%1.%2: ein nicht leeres Array ganzer Zahlen von %3 bis %4 erwartet</translation>
    </message>
    <message>
        <source>not valid JSON at offset %1: %2</source>
        <translation>kein gültiges JSON an Position %1: %2</translation>
    </message>
    <message>
        <source>the spec must be a JSON object</source>
        <translation>die Spezifikation muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1: unknown key (known: %2)</source>
        <translation>%1: unbekannter Schlüssel (bekannt: %2)</translation>
    </message>
    <message>
        <source>version: expected 1</source>
        <translation>version: 1 erwartet</translation>
    </message>
    <message>
        <source>measure: expected an object</source>
        <translation>measure: ein Objekt erwartet</translation>
    </message>
    <message>
        <source>measure.max_time_s: expected seconds in (0, 600]</source>
        <translation>measure.max_time_s: Sekunden in (0, 600] erwartet</translation>
    </message>
    <message>
        <source>measure.min_runs: expected a positive integer</source>
        <translation>measure.min_runs: eine positive ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>sampling.harvest_share: expected a number from 0 to 1</source>
        <translation>sampling.harvest_share: eine Zahl von 0 bis 1 erwartet</translation>
    </message>
    <message>
        <source>sampling.seed: expected a positive integer</source>
        <translation>sampling.seed: eine positive ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>modules: expected a non-empty object of module specs</source>
        <translation>modules: ein nicht leeres Objekt mit Modulspezifikationen erwartet</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Out bytes</source>
        <translation>Ausg.-Bytes</translation>
    </message>
    <message>
        <source>FLOP/B</source>
        <translation>FLOP/B</translation>
    </message>
    <message>
        <source>IR %1, opset %2</source>
        <translation>IR %1, Opset %2</translation>
    </message>
    <message>
        <source>Inputs:  </source>
        <translation>Eingaben: </translation>
    </message>
    <message>
        <source>Outputs: </source>
        <translation>Ausgaben: </translation>
    </message>
    <message>
        <source>Bound:   </source>
        <translation>Gesetzt:  </translation>
    </message>
    <message>
        <source>folded</source>
        <translation>gefaltet</translation>
    </message>
    <message>
        <source>unsupp.</source>
        <translation>n. unterst.</translation>
    </message>
    <message>
        <source>Totals over %1 layers</source>
        <translation>Summen über %1 Schichten</translation>
    </message>
    <message>
        <source> (and %1 constant nodes folded at load time)</source>
        <translation> (und %1 beim Laden gefaltete Konstantenknoten)</translation>
    </message>
    <message>
        <source> (%1 constant nodes folded at load time are hidden; --all shows them)</source>
        <translation> (%1 beim Laden gefaltete Konstantenknoten sind ausgeblendet; --all zeigt sie)</translation>
    </message>
    <message>
        <source>, INCOMPLETE: %1 layers have no cost, so these are lower bounds:
</source>
        <translation>, UNVOLLSTÄNDIG: %1 Schichten haben keine Kosten, daher sind dies Untergrenzen:
</translation>
    </message>
    <message>
        <source>  MACs              %1  (%2)
</source>
        <translation>  MACs              %1  (%2)
</translation>
    </message>
    <message>
        <source>  FLOPs             %1  (%2)
</source>
        <translation>  FLOPs             %1  (%2)
</translation>
    </message>
    <message>
        <source>  Parameters        %1  (%2, %3)
</source>
        <translation>  Parameter         %1  (%2, %3)
</translation>
    </message>
    <message>
        <source>  Peak activations  %1  (%2 bytes)
</source>
        <translation>  Spitze Aktiv.     %1  (%2 Bytes)
</translation>
    </message>
    <message>
        <source>Unsupported operators (no cost, left out of the totals):</source>
        <translation>Nicht unterstützte Operatoren (keine Kosten, nicht in den Summen):</translation>
    </message>
    <message>
        <source>Issues:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <source>no network or no device profile</source>
        <translation>kein Netz oder kein Geräteprofil</translation>
    </message>
    <message>
        <source>%1 layer(s) have no model in this profile and count only at the per-operator overhead: %2</source>
        <translation>%1 Schicht(en) haben kein Modell in diesem Profil und zählen nur mit dem Overhead pro Operator: %2</translation>
    </message>
    <message>
        <source>%1 layer(s) lie outside the configurations their model was trained on; their predictions are extrapolated (marked in the table)</source>
        <translation>%1 Schicht(en) liegen außerhalb der Konfigurationen, auf denen ihr Modell trainiert wurde; ihre Vorhersagen sind extrapoliert (in der Tabelle markiert)</translation>
    </message>
    <message>
        <source>Energy is unavailable: the profiled device had no energy sensor, and LayerLens does not estimate energy without one.</source>
        <translation>Energie ist nicht verfügbar: das profilierte Gerät hatte keinen Energiesensor, und ohne einen schätzt LayerLens keine Energie.</translation>
    </message>
    <message>
        <source>%1 layer(s) have an unknown analytic cost (unsupported operator or unknown shape).</source>
        <translation>%1 Schicht(en) haben unbekannte analytische Kosten (nicht unterstützter Operator oder unbekannte Form).</translation>
    </message>
    <message>
        <source>The profile&apos;s per-operator overhead is not calibrated; &apos;layerlens-cli calibrate&apos; measures it on the target machine.</source>
        <translation>Der Overhead pro Operator des Profils ist nicht kalibriert; &apos;layerlens-cli calibrate&apos; misst ihn auf der Zielmaschine.</translation>
    </message>
    <message>
        <source>The least accurate latency model (%1) has a held-out error of %2%.</source>
        <translation>Das ungenaueste Latenzmodell (%1) hat einen Testfehler von %2%.</translation>
    </message>
    <message>
        <source>fused into %1</source>
        <translation>fusioniert in %1</translation>
    </message>
    <message>
        <source>no model: %1</source>
        <translation>kein Modell: %1</translation>
    </message>
    <message>
        <source>out of distribution: %1</source>
        <translation>außerhalb der Verteilung: %1</translation>
    </message>
    <message>
        <source>shape unknown: no analytic cost</source>
        <translation>Form unbekannt: keine analytischen Kosten</translation>
    </message>
    <message>
        <source>unsupported operator: no analytic cost</source>
        <translation>nicht unterstützter Operator: keine analytischen Kosten</translation>
    </message>
    <message>
        <source>batch %1, utilization %2%, %3 thread(s)</source>
        <translation>Batch %1, Auslastung %2%, %3 Thread(s)</translation>
    </message>
    <message>
        <source>%1: PDF reports are written by the desktop library</source>
        <translation>%1: PDF-Berichte schreibt die Desktop-Bibliothek</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>%1 &lt;span class=&quot;muted&quot;&gt;(90%: %2 – %3)&lt;/span&gt;</source>
        <translation>%1 &lt;span class=&quot;muted&quot;&gt;(90 %: %2 – %3)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Latency ms</source>
        <translation>Latenz ms</translation>
    </message>
    <message>
        <source>90% interval</source>
        <translation>90-%-Intervall</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Energy J</source>
        <translation>Energie J</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>These figures are predictions, not measurements. LayerLens splits the network into blocks the runtime executes as one unit (for example Conv+BatchNorm+Relu), describes each block by the features of its module (shapes, channels, kernel, stride, FLOPs, bytes moved, batch, threads, utilization) and predicts its latency, memory and energy with the regression model the profile selected for that module (linear, polynomial, k-nearest-neighbours, gradient-boosted trees, random forest, MLP or the multi-task MEDN network), chosen by held-out accuracy and prediction cost.</source>
        <translation>Diese Zahlen sind Vorhersagen, keine Messungen. LayerLens teilt das Netz in Blöcke, die die Laufzeit als eine Einheit ausführt (zum Beispiel Conv+BatchNorm+Relu), beschreibt jeden Block durch die Merkmale seines Moduls (Formen, Kanäle, Kern, Schrittweite, FLOPs, bewegte Bytes, Batch, Threads, Auslastung) und sagt seine Latenz, seinen Speicher und seine Energie mit dem Regressionsmodell voraus, das das Profil für dieses Modul gewählt hat (linear, polynomial, k-nächste Nachbarn, Gradient-Boosting-Bäume, Random Forest, MLP oder das Multi-Task-Netz MEDN), ausgewählt nach Genauigkeit auf Testdaten und Vorhersagekosten.</translation>
    </message>
    <message>
        <source>How the profile was made:</source>
        <translation>So wurde das Profil erstellt:</translation>
    </message>
    <message>
        <source>Predicted by LayerLens %1 in %2 µs (segmentation and %3 configurations), %4.</source>
        <translation>Vorhergesagt von LayerLens %1 in %2 µs (Segmentierung und %3 Konfigurationen), %4.</translation>
    </message>
    <message>
        <source>en</source>
        <translation>de</translation>
    </message>
    <message>
        <source>LayerLens report: %1</source>
        <translation>LayerLens-Bericht: %1</translation>
    </message>
    <message>
        <source>Predicted cost per layer on %1 at batch %2, utilization %3%, %4 thread(s). Created %5 by LayerLens %6.</source>
        <translation>Vorhergesagte Kosten je Schicht auf %1 bei Batch %2, Auslastung %3%, %4 Thread(s). Erstellt %5 von LayerLens %6.</translation>
    </message>
    <message>
        <source>Predicted totals</source>
        <translation>Vorhergesagte Summen</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>Spitzenspeicher</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>%1 samples/s</source>
        <translation>%1 Samples/s</translation>
    </message>
    <message>
        <source>Per-operator overhead</source>
        <translation>Overhead pro Operator</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Out-of-distribution layers</source>
        <translation>Schichten außerhalb der Verteilung</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Erzeuger</translation>
    </message>
    <message>
        <source>Opset</source>
        <translation>Opset</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>%1 run, %2 folded at load time</source>
        <translation>%1 laufen, %2 beim Laden gefaltet</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>%1 (layers the runtime fuses count once)</source>
        <translation>%1 (Schichten, die die Laufzeit fusioniert, zählen einmal)</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>MACs / FLOPs</source>
        <translation>MACs / FLOPs</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Peak activations (batch 1)</source>
        <translation>Spitze der Aktivierungen (Batch 1)</translation>
    </message>
    <message>
        <source>Device and profile</source>
        <translation>Gerät und Profil</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Validation error of the selected models on held-out configurations (mean absolute percentage error):</source>
        <translation>Validierungsfehler der gewählten Modelle auf zurückgehaltenen Konfigurationen (mittlerer absoluter prozentualer Fehler):</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielgröße</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Worst (module)</source>
        <translation>Schlechtester (Modul)</translation>
    </message>
    <message>
        <source>Held-out samples</source>
        <translation>Testmesswerte</translation>
    </message>
    <message>
        <source>Where the time goes</source>
        <translation>Wohin die Zeit geht</translation>
    </message>
    <message>
        <source>Per layer</source>
        <translation>Je Schicht</translation>
    </message>
    <message>
        <source>Predicted figures stand on the first layer of each block; the layers fused into it are grey. Orange rows lie outside their model&apos;s training range.</source>
        <translation>Vorhergesagte Werte stehen bei der ersten Schicht jedes Blocks; die in ihn fusionierten Schichten sind grau. Orange Zeilen liegen außerhalb des Trainingsbereichs ihres Modells.</translation>
    </message>
    <message>
        <source>How these numbers were obtained</source>
        <translation>Wie diese Zahlen entstanden</translation>
    </message>
    <message>
        <source>Share of the predicted latency per layer and batch size (utilization %1%, %2 thread(s))</source>
        <translation>Anteil an der vorhergesagten Latenz je Schicht und Batchgröße (Auslastung %1%, %2 Thread(s))</translation>
    </message>
    <message>
        <source>the %1 layers with the largest share of %2 modelled layers</source>
        <translation>die %1 Schichten mit dem größten Anteil von %2 modellierten Schichten</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <source>Each cell: % of that batch size&apos;s predicted latency; the rest is layers without a model and the per-operator overhead.</source>
        <translation>Jede Zelle: % der vorhergesagten Latenz bei dieser Batchgröße; der Rest sind Schichten ohne Modell und der Overhead pro Operator.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>per-operator overhead</source>
        <translation>Overhead pro Operator</translation>
    </message>
    <message>
        <source>Predicted latency by module (batch %1, utilization %2%, %3 thread(s))</source>
        <translation>Vorhergesagte Latenz je Modul (Batch %1, Auslastung %2%, %3 Thread(s))</translation>
    </message>
    <message>
        <source>%1 ms (%2%)</source>
        <translation>%1 ms (%2%)</translation>
    </message>
    <message>
        <source>Total %1 ms</source>
        <translation>Gesamt %1 ms</translation>
    </message>
    <message>
        <source>; %1 layer block(s) without a model count at the overhead only</source>
        <translation>; %1 Schichtblock/-blöcke ohne Modell zählen nur mit dem Overhead</translation>
    </message>
    <message>
        <source>a profiling job needs a time budget or a sample count</source>
        <translation>ein Profilierungsauftrag braucht ein Zeitbudget oder eine Anzahl Messwerte</translation>
    </message>
    <message>
        <source>%1: no unfinished run of this spec on this device to resume</source>
        <translation>%1: kein unvollendeter Lauf dieser Spezifikation auf diesem Gerät zum Fortsetzen</translation>
    </message>
    <message>
        <source>configuration of unknown module %1</source>
        <translation>Konfiguration des unbekannten Moduls %1</translation>
    </message>
    <message>
        <source>in-network cost of operators without a module (fixed + per MiB moved + per Mflop):
</source>
        <translation>Kosten von Operatoren ohne Modul im Netz (fest + pro bewegtem MiB + pro Mflop):
</translation>
    </message>
    <message>
        <source>          under load each sample is the mean of back-to-back runs over at least %1 ms (%2 runs in all)
</source>
        <translation>          unter Last ist jede Stichprobe das Mittel aufeinanderfolgender Läufe über mindestens %1 ms (insgesamt %2 Läufe)
</translation>
    </message>
    <message>
        <source>
   #  %1  %2    mean ms   share
</source>
        <translation>
   #  %1  %2  Mittel ms  Anteil
</translation>
    </message>
    <message>
        <source>Sum of layer means %1 ms; end-to-end median %2 ms; gap %3 ms
</source>
        <translation>Summe der Schicht-Mittelwerte %1 ms; Median Ende-zu-Ende %2 ms; Lücke %3 ms
</translation>
    </message>
    <message>
        <source>a view of its input at this batch: in the whole network&apos;s data-movement term</source>
        <translation>eine Sicht auf die Eingabe bei dieser Batchgröße: im Datenbewegungsterm des ganzen Netzes</translation>
    </message>
    <message>
        <source> (median; slope %1 in log time)</source>
        <translation> (Median; Steigung %1 in log. Zeit)</translation>
    </message>
    <message>
        <source>%1 not used: %2
</source>
        <translation>%1 nicht verwendet: %2
</translation>
    </message>
    <message>
        <source>memory-bound modules</source>
        <translation>speichergebundenen Modulen</translation>
    </message>
    <message>
        <source>calibrate: end-to-end less per-layer time of %1 network(s) at batch 1, 1 thread</source>
        <translation>calibrate: Gesamtzeit minus Zeit je Schicht von %1 Netz(en) bei Batch 1, 1 Thread</translation>
    </message>
    <message>
        <source>cache misses inside networks: this machine lists no cache sizes; not fitted
</source>
        <translation>Cache-Misses in Netzen: diese Maschine nennt keine Cache-Größen; nicht angepasst
</translation>
    </message>
    <message>
        <source>cache misses inside networks: no cost lowers the error of the %1 observed blocks; none fitted
</source>
        <translation>Cache-Misses in Netzen: keine Kosten senken den Fehler der %1 beobachteten Blöcke; keine angepasst
</translation>
    </message>
    <message>
        <source>cache misses inside networks (%1 blocks; MAPE with a factor per module %2 % -&gt; %3 % with these):
</source>
        <translation>Cache-Misses in Netzen (%1 Blöcke; MAPE mit einem Faktor je Modul %2 % -&gt; %3 % mit diesen):
</translation>
    </message>
    <message>
        <source>  %1 MiB cache: %2 us per MiB read from beyond it, %3 us after blocks that overflowed it
</source>
        <translation>  %1-MiB-Cache: %2 us je MiB, das von jenseits gelesen wird, %3 us nach Blöcken, die ihn überliefen
</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 at batch %2</source>
        <translation>%1 bei Batch %2</translation>
    </message>
    <message>
        <source>samples outside the range the base models were trained on, not used: %1
</source>
        <translation>Proben außerhalb des Bereichs, auf dem die Basismodelle trainiert wurden, nicht verwendet: %1
</translation>
    </message>
    <message>
        <source>  %1 %2 blocks, x%3 (borrowed from %4)%5
</source>
        <translation>  %1 %2 Blöcke, x%3 (übernommen von %4)%5
</translation>
    </message>
    <message>
        <source>%1: measured %2 ms (passes differ %8 %), its %3 operators %4 ms (%5 us per operator between them); its blocks predicted %6 ms (%7 %)
</source>
        <translation>%1: gemessen %2 ms (Durchläufe weichen um %8 % ab), seine %3 Operatoren %4 ms (%5 us je Operator dazwischen); seine Blöcke vorhergesagt %6 ms (%7 %)
</translation>
    </message>
    <message>
        <source>warning: the networks&apos; passes differ by %1 % (median): this machine&apos;s speed changed while calibrating, and the in-network factors carry that change; calibrate again when it is idle
</source>
        <translation>Warnung: die Durchläufe der Netze weichen um %1 % ab (Median): die Geschwindigkeit dieser Maschine hat sich während der Kalibrierung geändert, und die Faktoren im Netz tragen diese Änderung; kalibrieren Sie erneut, wenn sie unbelastet ist
</translation>
    </message>
    <message>
        <source>%1 layer(s) predicted by the module of another operator (%2; --format json gives each one&apos;s &quot;approximation&quot;)
</source>
        <translation>%1 Schicht(en) vom Modul eines anderen Operators vorhergesagt (%2; --format json nennt für jede die &quot;approximation&quot;)
</translation>
    </message>
    <message>
        <source>speed reference not timed: %1
</source>
        <translation>Geschwindigkeitsreferenz nicht gemessen: %1
</translation>
    </message>
    <message>
        <source>no temporary folder for the speed reference: %1</source>
        <translation>kein temporärer Ordner für die Geschwindigkeitsreferenz: %1</translation>
    </message>
    <message>
        <source>speed reference now: %1 ms median (%2 runs, cv %3 %)
</source>
        <translation>Geschwindigkeitsreferenz jetzt: Median %1 ms (%2 Läufe, VK %3 %)
</translation>
    </message>
    <message>
        <source>the profile recorded no speed reference (calibrate records one)
</source>
        <translation>das Profil hat keine Geschwindigkeitsreferenz (calibrate zeichnet eine auf)
</translation>
    </message>
    <message>
        <source>the profile&apos;s speed reference is of another version (%1, this LayerLens times version %2); calibrate again to compare
</source>
        <translation>die Geschwindigkeitsreferenz des Profils hat eine andere Version (%1, diese LayerLens-Version misst Version %2); zum Vergleich erneut kalibrieren
</translation>
    </message>
    <message>
        <source>when calibrated: %1 ms median (%2 runs, cv %3 %)
</source>
        <translation>bei der Kalibrierung: Median %1 ms (%2 Läufe, VK %3 %)
</translation>
    </message>
    <message>
        <source>this machine runs as fast as when the profile was calibrated (%1 %)
</source>
        <translation>diese Maschine läuft so schnell wie bei der Kalibrierung des Profils (%1 %)
</translation>
    </message>
    <message>
        <source>latencies scaled by x%1: this machine&apos;s speed against the profile&apos;s at calibration (--speed-ratio)
</source>
        <translation>Latenzen mit x%1 skaliert: die Geschwindigkeit dieser Maschine gegenüber der des Profils bei der Kalibrierung (--speed-ratio)
</translation>
    </message>
    <message>
        <source>calibration probe %1 not used: this LayerLens writes it differently than the one calibrate timed
</source>
        <translation>Kalibrierungs-Probe %1 nicht verwendet: diese LayerLens-Version schreibt sie anders als die, die calibrate gemessen hat
</translation>
    </message>
    <message>
        <source>%1: no such dataset</source>
        <translation>%1: kein solcher Datensatz</translation>
    </message>
    <message>
        <source>%1: run %2 keeps no calibration&apos;s network measurements%3</source>
        <translation>%1: Lauf %2 bewahrt keine Netzmessungen einer Kalibrierung auf%3</translation>
    </message>
    <message>
        <source> (runs that do: %1)</source>
        <translation> (Läufe, die es tun: %1)</translation>
    </message>
    <message>
        <source>%1 keeps no calibration&apos;s network measurements</source>
        <translation>%1 bewahrt keine Netzmessungen einer Kalibrierung auf</translation>
    </message>
    <message>
        <source>%1: run %2: %3</source>
        <translation>%1: Lauf %2: %3</translation>
    </message>
    <message>
        <source>%1: the spec of run %2: %3</source>
        <translation>%1: die Spezifikation von Lauf %2: %3</translation>
    </message>
    <message>
        <source>%1 not used: %2 cannot be read
</source>
        <translation>%1 nicht verwendet: %2 kann nicht gelesen werden
</translation>
    </message>
    <message>
        <source>%1 not used: %2 changed since calibrate measured it
</source>
        <translation>%1 nicht verwendet: %2 hat sich geändert, seit calibrate es gemessen hat
</translation>
    </message>
    <message>
        <source>%1 (the base run %2 was calibrated from; name another with --base)</source>
        <translation>%1 (das Basisprofil, von dem Lauf %2 aus kalibriert wurde; ein anderes mit --base nennen)</translation>
    </message>
    <message>
        <source>refitting run %1 of %2 from what calibrate kept: %3 samples, %4 network runs, %5 probes; base %6
</source>
        <translation>Lauf %1 von %2 wird aus dem erneut angepasst, was calibrate aufbewahrt hat: %3 Messwerte, %4 Netzläufe, %5 Proben; Basis %6
</translation>
    </message>
    <message>
        <source>network measurements kept with run %1 of %2 (fit again with `calibrate --refit %1 --db %2`)
</source>
        <translation>Netzmessungen mit Lauf %1 von %2 aufbewahrt (erneut anpassen mit `calibrate --refit %1 --db %2`)
</translation>
    </message>
    <message>
        <source>network measurements not kept: %1
</source>
        <translation>Netzmessungen nicht aufbewahrt: %1
</translation>
    </message>
    <message>
        <source>a measurement lacks its batch, %1 or %2</source>
        <translation>einer Messung fehlt ihre Batchgröße, %1 oder %2</translation>
    </message>
    <message>
        <source>a layer is not [name, operator, median, mean]</source>
        <translation>eine Schicht ist nicht [Name, Operator, Median, Mittel]</translation>
    </message>
    <message>
        <source>calibration record of version %1; this LayerLens reads version %2</source>
        <translation>Kalibrierungseintrag der Version %1; diese LayerLens-Version liest Version %2</translation>
    </message>
    <message>
        <source>calibration record lacks %1, %2, %3, %4 or %5</source>
        <translation>dem Kalibrierungseintrag fehlt %1, %2, %3, %4 oder %5</translation>
    </message>
    <message>
        <source>calibration record: a cache level of %1 bytes</source>
        <translation>Kalibrierungseintrag: eine Cache-Stufe von %1 Bytes</translation>
    </message>
    <message>
        <source>%1 in the calibration record: %2</source>
        <translation>%1 im Kalibrierungseintrag: %2</translation>
    </message>
    <message>
        <source>probe %1 in the calibration record: %2</source>
        <translation>Probe %1 im Kalibrierungseintrag: %2</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>kein Name</translation>
    </message>
    <message>
        <source>speed reference not timed twice during the networks; their times taken as measured
</source>
        <translation>Geschwindigkeitsreferenz während der Netze nicht zweimal gemessen; ihre Zeiten werden wie gemessen übernommen
</translation>
    </message>
    <message>
        <source>calibration record: a timing of the speed reference (%1) is not timing statistics</source>
        <translation>Kalibrierungseintrag: eine Messung der Geschwindigkeitsreferenz (%1) ist keine Zeitstatistik</translation>
    </message>
    <message>
        <source>Latencies are scaled by x%1: this machine&apos;s speed against the profile&apos;s at calibration (its speed reference); memory and energy are not.</source>
        <translation>Latenzen sind mit x%1 skaliert: die Geschwindigkeit dieser Maschine gegenüber der des Profils bei der Kalibrierung (seine Geschwindigkeitsreferenz); Speicher und Energie nicht.</translation>
    </message>
    <message>
        <source>OpenBLAS runs its %1 kernels on this CPU, which has AVX2%2: its version does not recognise the CPU. Matrix products (Linear, MatMul, and 1x1 convolutions at one thread, which LibTorch hands to BLAS) run several times slower than with its %3 kernels, and what LayerLens measures and calibrates here describes the %1 ones. To use the faster kernels, start LayerLens and your deployment with OPENBLAS_CORETYPE=%3.</source>
        <translation>OpenBLAS nutzt auf dieser CPU, die AVX2%2 hat, seine %1-Kernel: seine Version erkennt die CPU nicht. Matrixprodukte (Linear, MatMul und 1x1-Faltungen mit einem Thread, die LibTorch an BLAS übergibt) laufen um ein Mehrfaches langsamer als mit seinen %3-Kerneln, und was LayerLens hier misst und kalibriert, beschreibt die %1-Kernel. Um die schnelleren Kernel zu nutzen, starten Sie LayerLens und Ihre Bereitstellung mit OPENBLAS_CORETYPE=%3.</translation>
    </message>
    <message>
        <source> and AVX-512</source>
        <translation> und AVX-512</translation>
    </message>
    <message>
        <source>%1 + %2 log p; on ATen&apos;s GEMM (%3 samples) %4 + %5 log p</source>
        <translation>%1 + %2 log p; auf ATens GEMM (%3 Stichproben) %4 + %5 log p</translation>
    </message>
    <message>
        <source>%1 on GEMM</source>
        <translation>%1 auf GEMM</translation>
    </message>
    <message>
        <source>%1 on oneDNN</source>
        <translation>%1 auf oneDNN</translation>
    </message>
    <message>
        <source>OpenBLAS runs its %1 kernels here and ran its %2 kernels on the profile&apos;s machine: matrix products do not move with the speed reference
</source>
        <translation>OpenBLAS nutzt hier seine %1-Kernel und nutzte auf der Maschine des Profils seine %2-Kernel: Matrixprodukte bewegen sich nicht mit der Geschwindigkeitsreferenz
</translation>
    </message>
    <message>
        <source>%1: passes differ by %2 %; measured a third time (%3 ms), the median counts
</source>
        <translation>%1: Die Durchläufe weichen um %2 % ab; ein drittes Mal gemessen (%3 ms), der Median zählt
</translation>
    </message>
    <message>
        <source>%1 + log p (the level alone did best held out)</source>
        <translation>%1 + log p (das Niveau allein war auf den zurückgehaltenen Stichproben am besten)</translation>
    </message>
    <message>
        <source>%1, with its correction measured alone, x%2</source>
        <translation>%1, mit dessen allein gemessener Korrektur, x%2</translation>
    </message>
    <message>
        <source>speed reference (a fixed network, 1 thread), median ms of each timing: during the module sampling %1 (median %2), during the networks %3 (median %4)
</source>
        <translation>Geschwindigkeitsreferenz (ein festes Netz, 1 Thread), Median in ms je Messung: während der Modulmessung %1 (Median %2), während der Netze %3 (Median %4)
</translation>
    </message>
    <message>
        <source>the networks ran at the sampling&apos;s speed (%1 %); their times taken as measured
</source>
        <translation>die Netze liefen mit der Geschwindigkeit der Modulmessung (%1 %); ihre Zeiten werden wie gemessen übernommen
</translation>
    </message>
    <message>
        <source>the networks&apos; timings lie %1 % from the sampling&apos;s, within their own spread (Welch&apos;s t %2): the machine switched between speeds rather than moved; their times taken as measured
</source>
        <translation>die Zeiten der Netze liegen %1 % von denen der Modulmessung entfernt, innerhalb ihrer eigenen Streuung (Welch-t %2): die Maschine wechselte zwischen Geschwindigkeiten, statt sich zu verändern; ihre Zeiten werden wie gemessen übernommen
</translation>
    </message>
    <message>
        <source>the networks ran %1 % slower than the module sampling (the machine&apos;s speed moved); their times are scaled by %2 to the sampling&apos;s speed
</source>
        <translation>die Netze liefen %1 % langsamer als die Modulmessung (die Geschwindigkeit der Maschine hat sich verändert); ihre Zeiten werden mit %2 auf die Geschwindigkeit der Modulmessung skaliert
</translation>
    </message>
    <message>
        <source>the networks ran %1 % faster than the module sampling (the machine&apos;s speed moved); their times are scaled by %2 to the sampling&apos;s speed
</source>
        <translation>die Netze liefen %1 % schneller als die Modulmessung (die Geschwindigkeit der Maschine hat sich verändert); ihre Zeiten werden mit %2 auf die Geschwindigkeit der Modulmessung skaliert
</translation>
    </message>
    <message>
        <source>this machine runs %1 % slower than when the profile was calibrated: expect predictions about that much too low; `predict --speed-ratio %2` scales them to it, or calibrate again
</source>
        <translation>diese Maschine läuft %1 % langsamer als bei der Kalibrierung des Profils: die Vorhersagen liegen etwa so viel zu niedrig; `predict --speed-ratio %2` skaliert sie auf diese Maschine, oder erneut kalibrieren
</translation>
    </message>
    <message>
        <source>this machine runs %1 % faster than when the profile was calibrated: expect predictions about that much too high; `predict --speed-ratio %2` scales them to it, or calibrate again
</source>
        <translation>diese Maschine läuft %1 % schneller als bei der Kalibrierung des Profils: die Vorhersagen liegen etwa so viel zu hoch; `predict --speed-ratio %2` skaliert sie auf diese Maschine, oder erneut kalibrieren
</translation>
    </message>
    <message>
        <source>%1 + %2 log p; on ATen&apos;s GEMM %3 + %4 log p</source>
        <translation>%1 + %2 log p; auf ATens GEMM %3 + %4 log p</translation>
    </message>
    <message>
        <source> (its family&apos;s, fitted on the %1 samples of %2)</source>
        <translation> (die seiner Familie, angepasst an die %1 Stichproben von %2)</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>cache sizes as the CPU reports them (the kernel lists none): %1
</source>
        <translation>Cache-Größen, wie die CPU sie meldet (der Kernel nennt keine): %1
</translation>
    </message>
    <message>
        <source>  %1 us per MiB written beyond the run&apos;s high-water mark (memory last touched a run ago)
</source>
        <translation>  %1 us je MiB, die jenseits der Höchstmarke des Durchlaufs geschrieben werden (Speicher, der zuletzt einen Durchlauf zuvor berührt wurde)
</translation>
    </message>
    <message>
        <source>  the blocks fit the last level best at %1 MiB of the %2 MiB reported (MAPE %3 % -&gt; %4 %): a cache this machine shares with others
</source>
        <translation>  die Blöcke passen am besten zur letzten Stufe mit %1 MiB der gemeldeten %2 MiB (MAPE %3 % -&gt; %4 %): ein Cache, den diese Maschine mit anderen teilt
</translation>
    </message>
    <message>
        <source>median before -&gt; after</source>
        <translation>Median vorher -&gt; nachher</translation>
    </message>
    <message>
        <source>90th percentile of each model&apos;s held-out error, summed over layers</source>
        <translation>90. Perzentil des zurückgehaltenen Fehlers jedes Modells, über die Schichten summiert</translation>
    </message>
    <message>
        <source>in-network spread: too few blocks of two networks or more; intervals stay the models&apos; held-out error
</source>
        <translation>netzinterne Streuung: zu wenige Blöcke aus zwei oder mehr Netzen; die Intervalle bleiben der zurückgehaltene Fehler der Modelle
</translation>
    </message>
    <message>
        <source>in-network spread per module (blocks of each network against the module&apos;s level in the others: 90 % of blocks within, the network&apos;s level and the scatter about it as a standard deviation of log time):
</source>
        <translation>netzinterne Streuung je Modul (die Blöcke jedes Netzes gegen das Niveau des Moduls in den anderen: Bereich von 90 % der Blöcke, das Niveau des Netzes und die Streuung darum als Standardabweichung der logarithmierten Zeit):
</translation>
    </message>
    <message>
        <source>(modules&apos; own blocks)</source>
        <translation>(eigene Blöcke der Module)</translation>
    </message>
    <message>
        <source>(stand-ins)</source>
        <translation>(Stellvertreter)</translation>
    </message>
    <message>
        <source>(outside their range)</source>
        <translation>(außerhalb ihres Bereichs)</translation>
    </message>
    <message>
        <source>  %1 %2 blocks of %3 networks, x%4 to x%5, level %6 %, scatter %7 %
</source>
        <translation>  %1 %2 Blöcke aus %3 Netzen, x%4 bis x%5, Niveau %6 %, Streuung %7 %
</translation>
    </message>
    <message>
        <source>interval: %1; overhead %2 ms per operator (%3)
</source>
        <translation>Intervall: %1; Overhead %2 ms je Operator (%3)
</translation>
    </message>
    <message>
        <source>The network&apos;s latency is the sum of its blocks plus a per-operator overhead of %1 ms for each of its %2 executed operators (%3). Memory is the peak over blocks of the activations alive while the block runs plus its workspace, from a liveness analysis of the graph. Intervals: %4. Energy comes only from a real sensor on the profiled device; without one it is reported as unavailable.</source>
        <translation>Die Latenz des Netzes ist die Summe seiner Blöcke plus ein Overhead von %1 ms für jeden seiner %2 ausgeführten Operatoren (%3). Der Speicher ist das Maximum über die Blöcke aus den Aktivierungen, die während des Blocks leben, plus seinem Arbeitsspeicher, aus einer Lebendigkeitsanalyse des Graphen. Intervalle: %4. Energie stammt nur von einem echten Sensor auf dem profilierten Gerät; ohne ihn wird sie als nicht verfügbar gemeldet.</translation>
    </message>
    <message>
        <source>intervals at other run-time conditions: too few held-out module samples at 1 thread without load to compare with; not widened
</source>
        <translation>Intervalle bei anderen Laufzeitbedingungen: zu wenige zurückgehaltene Modulmesswerte bei 1 Thread ohne Last zum Vergleich; nicht verbreitert
</translation>
    </message>
    <message>
        <source>intervals at each run-time condition, from the held-out module samples (widening in log time against 1 thread without load, where the networks were measured):
</source>
        <translation>Intervalle je Laufzeitbedingung, aus den zurückgehaltenen Modulmesswerten (Verbreiterung in logarithmierter Zeit gegenüber 1 Thread ohne Last, wo die Netze gemessen wurden):
</translation>
    </message>
    <message>
        <source>  %1 thread(s), %2 % load: %3 samples, +%4 %
</source>
        <translation>  %1 Thread(s), %2 % Last: %3 Messwerte, +%4 %
</translation>
    </message>
    <message>
        <source>per layer, the range 90 % of its module&apos;s blocks fell within in networks left out of calibrate&apos;s fit (its model&apos;s held-out error where that is wider); per network, the modules&apos; spreads combined as independent; both wider at run-time conditions whose held-out module samples scatter more</source>
        <translation>je Schicht der Bereich, in dem 90 % der Blöcke ihres Moduls in Netzen lagen, die calibrate bei der Anpassung ausließ (der zurückgehaltene Fehler ihres Modells, wo dieser breiter ist); je Netz die Streuungen der Module als unabhängig kombiniert; beide breiter bei Laufzeitbedingungen, deren zurückgehaltene Modulmesswerte stärker streuen</translation>
    </message>
    <message>
        <source>cache misses on 2 threads: %1 blocks of %2 network run(s) tell no share; paid as on one thread
</source>
        <translation>Cache-Fehlzugriffe auf 2 Threads: %1 Blöcke aus %2 Netzläufen zeigen keinen Anteil; gezahlt wie auf einem Thread
</translation>
    </message>
    <message>
        <source>%1 on %2 threads</source>
        <translation>%1 auf %2 Threads</translation>
    </message>
    <message>
        <source>%1, pass %2</source>
        <translation>%1, Durchgang %2</translation>
    </message>
    <message>
        <source>calibration probes</source>
        <translation>Kalibrierungs-Proben</translation>
    </message>
    <message>
        <source>Interrupted while measuring the networks (the samples are kept in %1); no profile written.
</source>
        <translation>Beim Messen der Netze unterbrochen (die Stichproben bleiben in %1); kein Profil geschrieben.
</translation>
    </message>
    <message>
        <source>%1 of %2 calibration probes timed (channel splits, shuffles, concatenations and fire modules)%3
</source>
        <translation>%1 von %2 Kalibrierungs-Proben gemessen (Kanalteilungen, -mischungen, Verkettungen und Fire-Module)%3
</translation>
    </message>
    <message>
        <source>samples at %1 thread(s), %2 % load not fitted on: their runs scatter too much (median coefficient of variation %3 over %4 samples); they set that condition&apos;s intervals only
</source>
        <translation>Proben bei %1 Thread(s), %2 % Last nicht angepasst: ihre Läufe streuen zu stark (medianer Variationskoeffizient %3 über %4 Proben); sie bestimmen nur die Intervalle dieser Bedingung
</translation>
    </message>
    <message>
        <source>  costs per MiB read as fitted: they predict each of the %1 networks&apos; blocks from the other networks&apos; best (held-out block MAPE %2 %)
</source>
        <translation>  Kosten pro gelesenem MiB wie angepasst: damit wird jedes der %1 Netze blockweise am besten aus den anderen Netzen vorhergesagt (zurückgehaltener Block-MAPE %2 %)
</translation>
    </message>
    <message>
        <source>  costs per MiB read above: x%1 the fitted ones, which predict each of the %2 networks&apos; blocks from the other networks&apos; best (held-out block MAPE %3 % as fitted, %4 % at x%1)
</source>
        <translation>  Kosten pro gelesenem MiB oben: das %1-Fache der angepassten, womit jedes der %2 Netze blockweise am besten aus den anderen Netzen vorhergesagt wird (zurückgehaltener Block-MAPE %3 % wie angepasst, %4 % beim %1-Fachen)
</translation>
    </message>
    <message>
        <source>cache misses on 2 threads: x%1 of their one-thread time, and %2 us more per block (%3 blocks of %4 network run(s); MAPE %5 % -&gt; %6 %)
</source>
        <translation>Cache-Fehlzugriffe auf 2 Threads: x%1 ihrer Zeit auf einem Thread, und %2 us mehr pro Block (%3 Blöcke aus %4 Netzläufen; MAPE %5 % -&gt; %6 %)
</translation>
    </message>
    <message>
        <source>%1 + %2 log p; beyond %3 MiB per thread %4 + %5 log p</source>
        <translation>%1 + %2 log p; über %3 MiB pro Thread %4 + %5 log p</translation>
    </message>
    <message>
        <source>%1 + %2 log p; beyond %3 MiB per thread (%4 samples) %5 + %6 log p</source>
        <translation>%1 + %2 log p; über %3 MiB pro Thread (%4 Stichproben) %5 + %6 log p</translation>
    </message>
    <message>
        <source>%1 + %2 log p; beyond %3 MiB per thread too few samples (%4) for their own: %5 + %6 log p, fitted on all</source>
        <translation>%1 + %2 log p; über %3 MiB pro Thread zu wenige Stichproben (%4) für eine eigene: %5 + %6 log p, auf allen angepasst</translation>
    </message>
    <message numerus="yes">
        <source>          OpenBLAS on %n thread(s) beside them (LAYERLENS_BLAS_THREADS)
</source>
        <translation>
            <numerusform>          OpenBLAS auf %n Thread daneben (LAYERLENS_BLAS_THREADS)
</numerusform>
            <numerusform>          OpenBLAS auf %n Threads daneben (LAYERLENS_BLAS_THREADS)
</numerusform>
        </translation>
    </message>
    <message>
        <source>LAYERLENS_BLAS_THREADS=%1 is not a thread count from 1 to 256; OpenBLAS runs on one thread</source>
        <translation>LAYERLENS_BLAS_THREADS=%1 ist keine Threadanzahl von 1 bis 256; OpenBLAS läuft auf einem Thread</translation>
    </message>
    <message>
        <source>OpenBLAS ran one thread beside ATen&apos;s: the rows these modules hand to it predicted at one thread without load, whatever the thread count: %1
</source>
        <translation>OpenBLAS lief mit einem Thread neben denen von ATen: die Zeilen, die diese Module ihm übergeben, ohne Last auf einem Thread vorhergesagt, gleich bei welcher Threadanzahl: %1
</translation>
    </message>
    <message>
        <source>  %1 on 2 threads: x%2 (%3 blocks of %4 network runs, up to %7 ms, not carried beyond twice that; MAPE %5 % -&gt; %6 %)
</source>
        <translation>  %1 auf 2 Threads: x%2 (%3 Blöcke aus %4 Netzwerkläufen, bis %7 ms, nicht über das Doppelte hinaus übertragen; MAPE %5 % -&gt; %6 %)
</translation>
    </message>
    <message>
        <source>%1 at batch %2 on %3 threads under %4 % load</source>
        <translation>%1 bei Batch %2 auf %3 Threads unter %4 % Last</translation>
    </message>
    <message>
        <source>a network of the calibration record lacks its path, batch, threads, a utilization of 0-100 % or %1</source>
        <translation>einem Netz der Kalibrieraufzeichnung fehlen Pfad, Batch, Threads, eine Auslastung von 0-100 % oder %1</translation>
    </message>
    <message>
        <source>%1 thread(s) under %2 % load: %3 network run(s) of %4 network(s) tell no factor that a network held out can check; the module models predict it
</source>
        <translation>%1 Thread(s) unter %2 % Last: %3 Netzläufe von %4 Netz(en) ergeben keinen Faktor, den ein zurückgehaltenes Netz prüfen kann; die Modulmodelle sagen sie vorher
</translation>
    </message>
    <message>
        <source>x%1 for a 1 ms block, times (block ms)^%2 within %3-%4 ms</source>
        <translation>x%1 für einen Block von 1 ms, mal (Block-ms)^%2 innerhalb von %3-%4 ms</translation>
    </message>
    <message>
        <source>x%1 for every block</source>
        <translation>x%1 für jeden Block</translation>
    </message>
    <message>
        <source>%1 thread(s) under %2 % load, against the prediction without load: %3 (%4 runs of %5 networks; MAPE of the module models there %6 %, with the factor %7 %, each network held out of its fit %8 %, interval +-%9 %)</source>
        <translation>%1 Thread(s) unter %2 % Last, gegenüber der Vorhersage ohne Last: %3 (%4 Läufe von %5 Netzen; MAPE der Modulmodelle dort %6 %, mit dem Faktor %7 %, jedes Netz aus seiner Anpassung zurückgehalten %8 %, Intervall +-%9 %)</translation>
    </message>
    <message>
        <source>  %1: measured %2 ms, x%3 its prediction without load (%4 ms); the module models %5 ms, with the factor %6 ms
</source>
        <translation>  %1: gemessen %2 ms, x%3 seiner Vorhersage ohne Last (%4 ms); die Modulmodelle %5 ms, mit dem Faktor %6 ms
</translation>
    </message>
    <message>
        <source>, x%1 for blocks on one BLAS thread</source>
        <translation>, x%1 für Blöcke auf einem BLAS-Thread</translation>
    </message>
    <message>
        <source>%1: pass %2 failed: %3
</source>
        <translation>%1: Durchgang %2 fehlgeschlagen: %3
</translation>
    </message>
    <message>
        <source>%1: median uncertain by %2 % after %3 passes; pass %4 (%5 ms)
</source>
        <translation>%1: Median nach %3 Durchgängen noch um %2 % unsicher; Durchgang %4 (%5 ms)
</translation>
    </message>
    <message>
        <source>a kernel&apos;s first run in a network: no module&apos;s first blocks take more than its other blocks; no cost
</source>
        <translation>erster Lauf eines Kernels in einem Netz: bei keinem Modul dauern die ersten Blöcke länger als seine übrigen; keine Kosten
</translation>
    </message>
    <message>
        <source>a kernel&apos;s first run in a network (its code and state last used a run ago), per module:
</source>
        <translation>erster Lauf eines Kernels in einem Netz (sein Code und Zustand zuletzt vor einem Lauf benutzt), je Modul:
</translation>
    </message>
    <message>
        <source>  %1 %2 us more (%3 blocks of %4 networks, MAPE %5 % -&gt; %6 %)
</source>
        <translation>  %1 %2 us mehr (%3 Blöcke aus %4 Netzen, MAPE %5 % -&gt; %6 %)
</translation>
    </message>
    <message>
        <source>; not kept: the module models do better by more than a quarter
</source>
        <translation>; nicht übernommen: die Modulmodelle sind um mehr als ein Viertel besser
</translation>
    </message>
    <message>
        <source> + %1 us/MiB spilled past %2 KiB</source>
        <translation> + %1 us/MiB mehr jenseits von %2 KiB</translation>
    </message>
</context>
<context>
    <name>layerlens::core::AgentJobs</name>
    <message>
        <source>%1: cannot create the agent&apos;s data folder</source>
        <translation>%1: der Datenordner des Agenten kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not a job journal (%2)</source>
        <translation>%1: kein Auftragsjournal (%2)</translation>
    </message>
    <message>
        <source>spec: expected a JSON object</source>
        <translation>spec: ein JSON-Objekt erwartet</translation>
    </message>
    <message>
        <source>spec: %1</source>
        <translation>spec: %1</translation>
    </message>
    <message>
        <source>a profiling job needs budget_s or max_samples</source>
        <translation>ein Profilierungsauftrag braucht budget_s oder max_samples</translation>
    </message>
    <message>
        <source>shard: expected [index, count] with 0 &lt;= index &lt; count &lt;= 256</source>
        <translation>shard: [index, count] mit 0 &lt;= index &lt; count &lt;= 256 erwartet</translation>
    </message>
    <message>
        <source>harvest: network %1 was not uploaded</source>
        <translation>harvest: Netz %1 wurde nicht hochgeladen</translation>
    </message>
    <message>
        <source>network: %1 was not uploaded</source>
        <translation>network: %1 wurde nicht hochgeladen</translation>
    </message>
    <message>
        <source>kinds: unknown model kind &apos;%1&apos;</source>
        <translation>kinds: unbekannte Modellart &apos;%1&apos;</translation>
    </message>
    <message>
        <source>kind: expected profile, measure or train, not &apos;%1&apos;</source>
        <translation>kind: profile, measure oder train erwartet, nicht &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>layerlens::core::AgentServer</name>
    <message>
        <source>cannot read the TLS certificate %1 or key %2</source>
        <translation>TLS-Zertifikat %1 oder Schlüssel %2 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 or %2: not a PEM certificate and an RSA or EC key</source>
        <translation>%1 oder %2: kein PEM-Zertifikat und RSA- oder EC-Schlüssel</translation>
    </message>
    <message>
        <source>cannot listen on %1:%2: %3</source>
        <translation>kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>no hello within %1 ms</source>
        <translation>kein hello innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>every request needs a whole-number &quot;id&quot;</source>
        <translation>jede Anfrage braucht eine ganzzahlige &quot;id&quot;</translation>
    </message>
    <message>
        <source>authenticate first (hello)</source>
        <translation>zuerst authentifizieren (hello)</translation>
    </message>
    <message>
        <source>protocol version %1 is not spoken here (this agent: %2)</source>
        <translation>Protokollversion %1 wird hier nicht gesprochen (dieser Agent: %2)</translation>
    </message>
    <message>
        <source>wrong token</source>
        <translation>falsches Token</translation>
    </message>
    <message>
        <source>no job %1</source>
        <translation>kein Auftrag %1</translation>
    </message>
    <message>
        <source>fetch needs a whole-number &quot;since&quot; cursor</source>
        <translation>fetch braucht einen ganzzahligen &quot;since&quot;-Cursor</translation>
    </message>
    <message>
        <source>job %1 wrote no profile</source>
        <translation>Auftrag %1 hat kein Profil geschrieben</translation>
    </message>
    <message>
        <source>no file &apos;%1&apos; in the profile (or too large to send)</source>
        <translation>keine Datei &apos;%1&apos; im Profil (oder zu groß zum Senden)</translation>
    </message>
    <message>
        <source>hello twice</source>
        <translation>zweimal hello</translation>
    </message>
    <message>
        <source>unknown request type &apos;%1&apos;</source>
        <translation>unbekannter Anfragetyp &apos;%1&apos;</translation>
    </message>
    <message>
        <source>upload: sha256 must be 64 lowercase hex digits</source>
        <translation>upload: sha256 muss aus 64 kleingeschriebenen Hexziffern bestehen</translation>
    </message>
    <message>
        <source>upload: size must be 1 to %1 bytes</source>
        <translation>upload: size muss 1 bis %1 Bytes betragen</translation>
    </message>
    <message>
        <source>upload: expected offset %1</source>
        <translation>upload: Offset %1 erwartet</translation>
    </message>
    <message>
        <source>upload: data is not base64 or runs past the declared size</source>
        <translation>upload: die Daten sind kein base64 oder reichen über die angegebene Größe hinaus</translation>
    </message>
    <message>
        <source>upload: %1: %2</source>
        <translation>upload: %1: %2</translation>
    </message>
    <message>
        <source>upload: the content does not match its SHA-256</source>
        <translation>upload: der Inhalt passt nicht zu seiner SHA-256</translation>
    </message>
    <message>
        <source>upload: cannot store %1</source>
        <translation>upload: %1 kann nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>layerlens::ui</name>
    <message>
        <source>no registered device named %1</source>
        <translation>kein registriertes Gerät namens %1</translation>
    </message>
    <message>
        <source>%1: %2 samples fetched, %3 new in %4</source>
        <translation>%1: %2 Messwerte geholt, %3 neu in %4</translation>
    </message>
    <message>
        <source>on %1: measured %2 ms (median of %3 runs, CV %4 %)</source>
        <translation>auf %1: gemessen %2 ms (Median von %3 Läufen, VK %4 %)</translation>
    </message>
    <message>
        <source>%1 samples stored, last %2 (%3 ms)</source>
        <translation>%1 Messwerte gespeichert, zuletzt %2 (%3 ms)</translation>
    </message>
    <message>
        <source>%1 samples stored in %2 (%3 s%4)</source>
        <translation>%1 Messwerte in %2 gespeichert (%3 s%4)</translation>
    </message>
    <message>
        <source>, cancelled; resumable</source>
        <translation>, abgebrochen; fortsetzbar</translation>
    </message>
    <message>
        <source>measured %1 ms (median of %2 runs, CV %3 %), peak memory %4 MiB, energy %5</source>
        <translation>gemessen %1 ms (Median von %2 Läufen, VK %3 %), Spitzenspeicher %4 MiB, Energie %5</translation>
    </message>
    <message>
        <source>%1 J</source>
        <translation>%1 J</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>training %1 (%2/%3)</source>
        <translation>trainiere %1 (%2/%3)</translation>
    </message>
    <message>
        <source>profile of %1 modules written to %2%3</source>
        <translation>Profil mit %1 Modulen nach %2 geschrieben%3</translation>
    </message>
    <message>
        <source>; skipped: %1</source>
        <translation>; übersprungen: %1</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: the plot %2 could not be drawn</source>
        <translation>%1: das Diagramm %2 konnte nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>LayerLens report: %1</source>
        <translation>LayerLens-Bericht: %1</translation>
    </message>
    <message>
        <source>%1: the PDF could not be written</source>
        <translation>%1: das PDF konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>measuring %1</source>
        <translation>messe %1</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::BreakdownView</name>
    <message>
        <source>Latency by operator</source>
        <translation>Latenz je Operator</translation>
    </message>
    <message>
        <source>predicted latency (ms)</source>
        <translation>vorhergesagte Latenz (ms)</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::DesignSpaceView</name>
    <message>
        <source>Click a point to apply its parameters.</source>
        <translation>Einen Punkt anklicken, um seine Parameter zu übernehmen.</translation>
    </message>
    <message>
        <source>latency (ms, log scale)</source>
        <translation>Latenz (ms, logarithmisch)</translation>
    </message>
    <message>
        <source>peak memory (MiB, log scale)</source>
        <translation>Spitzenspeicher (MiB, logarithmisch)</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <source>Pareto front</source>
        <translation>Pareto-Front</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::HeatmapView</name>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Absolute</source>
        <translation>Absolut</translation>
    </message>
    <message>
        <source>Share of column</source>
        <translation>Anteil der Spalte</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>latency, % of column</source>
        <translation>Latenz, % der Spalte</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>memory, % of column</source>
        <translation>Speicher, % der Spalte</translation>
    </message>
    <message>
        <source>memory (bytes)</source>
        <translation>Speicher (Bytes)</translation>
    </message>
    <message>
        <source>energy, % of column</source>
        <translation>Energie, % der Spalte</translation>
    </message>
    <message>
        <source>energy (J)</source>
        <translation>Energie (J)</translation>
    </message>
    <message>
        <source>no model: %1</source>
        <translation>kein Modell: %1</translation>
    </message>
    <message>
        <source>not measured on the profiled device</source>
        <translation>auf dem profilierten Gerät nicht gemessen</translation>
    </message>
    <message>
        <source>%1 ms [%2, %3]</source>
        <translation>%1 ms [%2, %3]</translation>
    </message>
    <message>
        <source>%1 [%2, %3]</source>
        <translation>%1 [%2, %3]</translation>
    </message>
    <message>
        <source>%1 J [%2, %3]</source>
        <translation>%1 J [%2, %3]</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 % of the column</source>
        <translation>&lt;br&gt;%1 % der Spalte</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#c0392b&apos;&gt;out of distribution: %1&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#c0392b&apos;&gt;außerhalb der Verteilung: %1&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::IssuesPanel</name>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>No issues: every layer has a shape and a cost.</source>
        <translation>Keine Probleme: jede Schicht hat eine Form und Kosten.</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::JobsPanel</name>
    <message>
        <source>Profile this device</source>
        <translation>Dieses Gerät profilieren</translation>
    </message>
    <message>
        <source>Measure network</source>
        <translation>Netz messen</translation>
    </message>
    <message>
        <source>Retrain profile</source>
        <translation>Profil neu trainieren</translation>
    </message>
    <message>
        <source>Calibrate profile</source>
        <translation>Profil kalibrieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Time budget of a profiling job</source>
        <translation>Zeitbudget eines Profilierungsauftrags</translation>
    </message>
    <message>
        <source>SQLite dataset the profiling job writes and retraining reads</source>
        <translation>SQLite-Datensatz, den der Profilierungsauftrag schreibt und das Neutrainieren liest</translation>
    </message>
    <message>
        <source>This machine, or a remote device registered with &apos;layerlens-cli devices add&apos;</source>
        <translation>Diese Maschine oder ein mit &apos;layerlens-cli devices add&apos; registriertes entferntes Gerät</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Ausführen auf</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Profiling budget</source>
        <translation>Profilierungsbudget</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Measure the network on screen on this device at the chosen parameters</source>
        <translation>Das angezeigte Netz auf diesem Gerät mit den gewählten Parametern messen</translation>
    </message>
    <message>
        <source>Measure module configurations (from the network on screen and the default spec) into the dataset</source>
        <translation>Modulkonfigurationen (aus dem angezeigten Netz und der Standardspezifikation) in den Datensatz messen</translation>
    </message>
    <message>
        <source>Train a device profile from the dataset and switch to it</source>
        <translation>Ein Geräteprofil aus dem Datensatz trainieren und zu ihm wechseln</translation>
    </message>
    <message>
        <source>Adapt the profile on screen to this machine with a short profiling job (the budget above) and a measurement of the network on screen, then switch to the result</source>
        <translation>Das angezeigte Profil mit einem kurzen Profilierungsauftrag (obiges Budget) und einer Messung des angezeigten Netzes an diese Maschine anpassen, dann zum Ergebnis wechseln</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>Diese Maschine</translation>
    </message>
    <message>
        <source>Profile %1 samples</source>
        <translation>%1 Messwerte profilieren</translation>
    </message>
    <message>
        <source>Profile for %1 min</source>
        <translation>%1 min profilieren</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Measure %1 on %2</source>
        <translation>%1 auf %2 messen</translation>
    </message>
    <message>
        <source>Measure %1 (batch %2, %3 %, %4 thread(s))</source>
        <translation>%1 messen (Batch %2, %3 %, %4 Thread(s))</translation>
    </message>
    <message>
        <source>Retrain into %1</source>
        <translation>Neu trainieren nach %1</translation>
    </message>
    <message>
        <source>Calibrate %1 into %2</source>
        <translation>%1 kalibrieren nach %2</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: started</source>
        <translation>%1: gestartet</translation>
    </message>
    <message>
        <source>cancelling</source>
        <translation>wird abgebrochen</translation>
    </message>
    <message>
        <source>%1: cancelling</source>
        <translation>%1: wird abgebrochen</translation>
    </message>
    <message>
        <source>Check speed</source>
        <translation>Geschwindigkeit prüfen</translation>
    </message>
    <message>
        <source>Time a fixed small network on this machine (3 s) and say how much faster or slower it runs than when the profile on screen was calibrated: how far its predictions are off here</source>
        <translation>Ein festes kleines Netz auf dieser Maschine messen (3 s) und sagen, wie viel schneller oder langsamer sie läuft als bei der Kalibrierung des angezeigten Profils: so weit liegen seine Vorhersagen hier daneben</translation>
    </message>
    <message>
        <source>Check this machine&apos;s speed against %1</source>
        <translation>Geschwindigkeit dieser Maschine gegen %1 prüfen</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::LayerTableModel</name>
    <message>
        <source>folded at load time</source>
        <translation>beim Laden gefaltet</translation>
    </message>
    <message>
        <source>unsupported operator: no cost</source>
        <translation>nicht unterstützter Operator: keine Kosten</translation>
    </message>
    <message>
        <source>shape unknown: no cost</source>
        <translation>Form unbekannt: keine Kosten</translation>
    </message>
    <message>
        <source>fused into %1</source>
        <translation>fusioniert in %1</translation>
    </message>
    <message>
        <source>no model: %1</source>
        <translation>kein Modell: %1</translation>
    </message>
    <message>
        <source>out of distribution: %1</source>
        <translation>außerhalb der Verteilung: %1</translation>
    </message>
    <message>
        <source>%1 ms, 90% interval [%2, %3]</source>
        <translation>%1 ms, 90-%-Intervall [%2, %3]</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>Ausgabeform</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>In bytes</source>
        <translation>Eing.-Bytes</translation>
    </message>
    <message>
        <source>Out bytes</source>
        <translation>Ausg.-Bytes</translation>
    </message>
    <message>
        <source>FLOP/byte</source>
        <translation>FLOP/Byte</translation>
    </message>
    <message>
        <source>Latency ms</source>
        <translation>Latenz ms</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>Anteil %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Energy J</source>
        <translation>Energie J</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::MainWindow</name>
    <message>
        <source>Show folded nodes</source>
        <translation>Gefaltete Knoten zeigen</translation>
    </message>
    <message>
        <source>Drop an ONNX file on the window, or use File &gt; Open.</source>
        <translation>Eine ONNX-Datei auf das Fenster ziehen oder Datei &gt; Öffnen verwenden.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>Ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Open Network</source>
        <translation>Netz öffnen</translation>
    </message>
    <message>
        <source>ONNX networks (*.onnx);;All files (*)</source>
        <translation>ONNX-Netze (*.onnx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Open &amp;Sample Network</source>
        <translation>&amp;Beispielnetz öffnen</translation>
    </message>
    <message>
        <source>&amp;Export Report...</source>
        <translation>Bericht &amp;exportieren...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Filter layers (name, op, shape...)</source>
        <translation>Schichten filtern (Name, Op, Form...)</translation>
    </message>
    <message>
        <source>Device &amp; parameters</source>
        <translation>Gerät und Parameter</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Aufschlüsselung</translation>
    </message>
    <message>
        <source>Design space</source>
        <translation>Entwurfsraum</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About LayerLens</source>
        <translation>Ü&amp;ber LayerLens</translation>
    </message>
    <message>
        <source>About LayerLens</source>
        <translation>Über LayerLens</translation>
    </message>
    <message>
        <source>&lt;b&gt;LayerLens %1&lt;/b&gt;&lt;p&gt;Per-layer cost of deep-learning inference: shapes, MACs, FLOPs and parameters of every layer of an ONNX network, and its predicted latency, memory and energy on a device.&lt;/p&gt;</source>
        <translation>&lt;b&gt;LayerLens %1&lt;/b&gt;&lt;p&gt;Kosten je Schicht beim Deep-Learning-Inferieren: Formen, MACs, FLOPs und Parameter jeder Schicht eines ONNX-Netzes sowie seine vorhergesagte Latenz, sein Speicher und seine Energie auf einem Gerät.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Analysing %1...</source>
        <translation>Analysiere %1...</translation>
    </message>
    <message>
        <source> (LayerLens binds only the batch dimension from this window.)</source>
        <translation> (In diesem Fenster setzt LayerLens nur die Batch-Dimension.)</translation>
    </message>
    <message>
        <source>%1: %2 layers, batch %3</source>
        <translation>%1: %2 Schichten, Batch %3</translation>
    </message>
    <message>
        <source>Loading the device profile...</source>
        <translation>Lade das Geräteprofil...</translation>
    </message>
    <message>
        <source>%1: %2 modules, trained on %3</source>
        <translation>%1: %2 Module, trainiert auf %3</translation>
    </message>
    <message>
        <source>No model: %1</source>
        <translation>Kein Modell: %1</translation>
    </message>
    <message>
        <source>Out of distribution: %1</source>
        <translation>Außerhalb der Verteilung: %1</translation>
    </message>
    <message>
        <source>Energy is unavailable: the profiled device had no energy sensor.</source>
        <translation>Energie ist nicht verfügbar: das profilierte Gerät hatte keinen Energiesensor.</translation>
    </message>
    <message>
        <source>Could not open the network. %1</source>
        <translation>Das Netz konnte nicht geöffnet werden. %1</translation>
    </message>
    <message>
        <source>Loading failed</source>
        <translation>Laden fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 - LayerLens</source>
        <translation>%1 - LayerLens</translation>
    </message>
    <message>
        <source>LayerLens</source>
        <translation>LayerLens</translation>
    </message>
    <message>
        <source>There is no prediction to report yet.</source>
        <translation>Es gibt noch keine Vorhersage für einen Bericht.</translation>
    </message>
    <message>
        <source>%1: choose .html, .pdf, .csv, .json or .netron.json</source>
        <translation>%1: .html, .pdf, .csv, .json oder .netron.json wählen</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <source>CSV, one row per layer (*.csv)</source>
        <translation>CSV, eine Zeile je Schicht (*.csv)</translation>
    </message>
    <message>
        <source>JSON, the full result (*.json)</source>
        <translation>JSON, das vollständige Ergebnis (*.json)</translation>
    </message>
    <message>
        <source>Netron attachment (*.netron.json)</source>
        <translation>Netron-Anhang (*.netron.json)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>Systemvorgabe (%1)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>LayerLens shows %1 after a restart. Restart now? The network and the parameters stay; running jobs are cancelled.</source>
        <translation>LayerLens zeigt %1 nach einem Neustart. Jetzt neu starten? Netz und Parameter bleiben erhalten; laufende Aufträge werden abgebrochen.</translation>
    </message>
    <message>
        <source>%1: predicted %2 ms at batch %3, utilization %4 %, %5 thread(s) on %6 (%7 configurations in %8 ms)%9</source>
        <translation>%1: vorhergesagt %2 ms bei Batch %3, Auslastung %4 %, %5 Thread(s) auf %6 (%7 Konfigurationen in %8 ms)%9</translation>
    </message>
    <message>
        <source>; latencies scaled x%1 to this machine&apos;s speed</source>
        <translation>; Latenzen mit x%1 auf die Geschwindigkeit dieser Maschine skaliert</translation>
    </message>
    <message>
        <source>%1: %2 modules, trained on %3, not on this machine&apos;s %4</source>
        <translation>%1: %2 Module, trainiert auf %3, nicht auf dem %4 dieser Maschine</translation>
    </message>
    <message>
        <source>Its times are that machine&apos;s. Jobs &gt; Check speed says how far this machine&apos;s are; Calibrate profile adapts the profile to it.</source>
        <translation>Seine Zeiten sind die jener Maschine. Aufträge &gt; Geschwindigkeit prüfen sagt, wie weit die dieser Maschine davon abweichen; Profil kalibrieren passt das Profil an sie an.</translation>
    </message>
    <message>
        <source>Machine speed x%1, as Check speed measured it against %2 on this CPU (Jobs &gt; Check speed measures it again)</source>
        <translation>Maschinengeschwindigkeit x%1, wie „Geschwindigkeit prüfen“ sie gegen %2 auf dieser CPU gemessen hat (Aufträge &gt; Geschwindigkeit prüfen misst sie erneut)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::ParametersPanel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>The device profile whose models predict</source>
        <translation>Das Geräteprofil, dessen Modelle vorhersagen</translation>
    </message>
    <message>
        <source>Value of the inputs&apos; symbolic batch dimension</source>
        <translation>Wert der symbolischen Batch-Dimension der Eingaben</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Share of the device busy with other work</source>
        <translation>Anteil des Geräts, der mit anderer Arbeit beschäftigt ist</translation>
    </message>
    <message>
        <source>Threads the inference runtime uses</source>
        <translation>Threads, die die Inferenz-Laufzeit verwendet</translation>
    </message>
    <message>
        <source>Choose a Device Profile Folder</source>
        <translation>Ordner eines Geräteprofils wählen</translation>
    </message>
    <message>
        <source>%1 (built in)</source>
        <translation>%1 (eingebaut)</translation>
    </message>
    <message>
        <source>Choose a folder...</source>
        <translation>Ordner wählen...</translation>
    </message>
    <message>
        <source>Machine speed</source>
        <translation>Maschinengeschwindigkeit</translation>
    </message>
    <message>
        <source>Scale every latency to a machine that takes this many times what the profile&apos;s machine took at calibration (1: as predicted). Jobs &gt; Check speed measures it for this machine.</source>
        <translation>Jede Latenz auf eine Maschine skalieren, die so viel mal länger braucht als die Maschine des Profils bei der Kalibrierung (1: wie vorhergesagt). Aufträge &gt; Geschwindigkeit prüfen misst es für diese Maschine.</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::SummaryPanel</name>
    <message>
        <source>Drop an ONNX file on the window, or use File &gt; Open.</source>
        <translation>Eine ONNX-Datei auf das Fenster ziehen oder Datei &gt; Öffnen verwenden.</translation>
    </message>
    <message>
        <source>Predicted on %1 (batch %2, utilization %3 %, %4 thread(s))</source>
        <translation>Vorhergesagt auf %1 (Batch %2, Auslastung %3 %, %4 Thread(s))</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>90%: %1 ms</source>
        <translation>90 %: %1 ms</translation>
    </message>
    <message>
        <source>Peak memory</source>
        <translation>Spitzenspeicher</translation>
    </message>
    <message>
        <source>90%: %1 - %2</source>
        <translation>90 %: %1 - %2</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>%1 J</source>
        <translation>%1 J</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>90%: %1 J</source>
        <translation>90 %: %1 J</translation>
    </message>
    <message>
        <source>no energy sensor on the profiled device</source>
        <translation>kein Energiesensor auf dem profilierten Gerät</translation>
    </message>
    <message>
        <source>Out of distribution</source>
        <translation>Außerhalb der Verteilung</translation>
    </message>
    <message>
        <source>layers beyond what their model was trained on</source>
        <translation>Schichten jenseits dessen, worauf ihr Modell trainiert wurde</translation>
    </message>
    <message>
        <source>Without a model</source>
        <translation>Ohne Modell</translation>
    </message>
    <message>
        <source>layers counted at the per-operator overhead only</source>
        <translation>Schichten, die nur mit dem Overhead pro Operator zählen</translation>
    </message>
    <message>
        <source>%1, IR %2, opset %3</source>
        <translation>%1, IR %2, Opset %3</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Incomplete: %1 layers have no cost; these are lower bounds.</source>
        <translation>Unvollständig: %1 Schichten haben keine Kosten; dies sind Untergrenzen.</translation>
    </message>
    <message>
        <source>MACs</source>
        <translation>MACs</translation>
    </message>
    <message>
        <source>FLOPs</source>
        <translation>FLOPs</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Peak activations</source>
        <translation>Spitze der Aktivierungen</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>%1 constant nodes folded</source>
        <translation>%1 Konstantenknoten gefaltet</translation>
    </message>
    <message>
        <source>Latency intervals: %1.</source>
        <translation>Latenzintervalle: %1.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Per-layer cost explorer for deep-learning inference.</source>
        <translation>Kosten je Schicht beim Deep-Learning-Inferieren erkunden.</translation>
    </message>
    <message>
        <source>ONNX network to open.</source>
        <translation>Zu öffnendes ONNX-Netz.</translation>
    </message>
    <message>
        <source>Batch size (default 1).</source>
        <translation>Batchgröße (Standard 1).</translation>
    </message>
    <message>
        <source>Open the bundled sample network.</source>
        <translation>Das mitgelieferte Beispielnetz öffnen.</translation>
    </message>
    <message>
        <source>Save a PNG of the window once the network is shown, then quit.</source>
        <translation>Ein PNG des Fensters speichern, sobald das Netz angezeigt wird, dann beenden.</translation>
    </message>
    <message>
        <source>Device profile: a built-in or saved name, or a folder (default reference-cpu).</source>
        <translation>Geräteprofil: ein eingebauter oder gespeicherter Name oder ein Ordner (Standard reference-cpu).</translation>
    </message>
    <message>
        <source>Device utilization in % (default 0).</source>
        <translation>Auslastung des Geräts in % (Standard 0).</translation>
    </message>
    <message>
        <source>Threads (default 1).</source>
        <translation>Threads (Standard 1).</translation>
    </message>
    <message>
        <source>Benchmark: open the network, print as JSON how long it took until its heatmap was drawn and the longest stall of the GUI thread meanwhile, then quit.</source>
        <translation>Benchmark: das Netz öffnen, als JSON ausgeben, wie lange es bis zur gezeichneten Heatmap dauerte und wie lange der GUI-Thread währenddessen höchstens blockierte, dann beenden.</translation>
    </message>
    <message>
        <source>layerlens: --batch needs a positive whole number, not &apos;%1&apos;
</source>
        <translation>layerlens: --batch braucht eine positive ganze Zahl, nicht &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>layerlens: --utilization needs 0 to 95, not &apos;%1&apos;
</source>
        <translation>layerlens: --utilization braucht 0 bis 95, nicht &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>layerlens: --threads needs a positive whole number, not &apos;%1&apos;
</source>
        <translation>layerlens: --threads braucht eine positive ganze Zahl, nicht &apos;%1&apos;
</translation>
    </message>
    <message>
        <source>Scale every latency to a machine that takes R times what the profile&apos;s machine took at calibration (from &apos;layerlens-cli calibrate --check&apos;; default 1).</source>
        <translation>Jede Latenz auf eine Maschine skalieren, die R-mal so lange braucht wie die Maschine des Profils bei der Kalibrierung (aus &apos;layerlens-cli calibrate --check&apos;; Standard 1).</translation>
    </message>
    <message>
        <source>layerlens: --speed-ratio needs 0.1 to 10, not &apos;%1&apos;
</source>
        <translation>layerlens: --speed-ratio braucht 0,1 bis 10, nicht &apos;%1&apos;
</translation>
    </message>
</context>
<context>
    <name>measure</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>an energy counter could not be read</source>
        <translation>ein Energiezähler konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>profiles</name>
    <message>
        <source>%1: no such profile folder or profile name (known: %2)</source>
        <translation>%1: kein solcher Profilordner und kein solcher Profilname (bekannt: %2)</translation>
    </message>
</context>
<context>
    <name>protocol</name>
    <message>
        <source>the stream is already broken</source>
        <translation>der Datenstrom ist bereits unterbrochen</translation>
    </message>
    <message>
        <source>frame of %1 bytes (the limit is %2)</source>
        <translation>Paket von %1 Bytes (die Grenze ist %2)</translation>
    </message>
    <message>
        <source>a frame is not a JSON object (%1)</source>
        <translation>ein Paket ist kein JSON-Objekt (%1)</translation>
    </message>
</context>
<context>
    <name>runtime</name>
    <message>
        <source>cannot load the LibTorch runtime %1: %2</source>
        <translation>die LibTorch-Laufzeit %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>the LibTorch runtime %1 belongs to another LayerLens build</source>
        <translation>die LibTorch-Laufzeit %1 gehört zu einem anderen LayerLens-Build</translation>
    </message>
</context>
</TS>
