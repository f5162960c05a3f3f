// Wohngeldrechner: builds a Haushalt from the form, asks the API (/v1) and shows the answer.
// No framework, no external requests; every text the citizen reads is German.
"use strict";
(function () {
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  let zaehler = 0;
  const neueId = (vorsilbe) => vorsilbe + "-" + (++zaehler);
  let weitereArten = [];
  let gewaehlteAgs = null; // set when the citizen picked one of several Gemeinden of the same name
  let ortModus = "plz"; // "plz" (Postleitzahl first) or "gemeinde" (name or AGS instead)
  let ortText = ""; // the place as shown in the result
  let plzAnfrage = 0; // number of the latest PLZ lookup; an older answer is dropped
  const OSM = "Postleitzahlen: © OpenStreetMap-Mitwirkende, ODbL";

  // ---------- numbers in German notation ----------
  function gruppieren(ganz) {
    return ganz.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }
  function zahl(text) {
    const s = String(text);
    const neg = s.startsWith("-");
    const [ganz, bruch] = (neg ? s.slice(1) : s).split(".");
    return (neg ? "−" : "") + gruppieren(ganz) + (bruch ? "," + bruch : "");
  }
  function euro(text) {
    const s = String(text);
    const neg = s.startsWith("-");
    let [ganz, bruch] = (neg ? s.slice(1) : s).split(".");
    bruch = ((bruch || "") + "00").slice(0, Math.max(2, (bruch || "").length));
    return (neg ? "−" : "") + gruppieren(ganz) + "," + bruch + " €";
  }
  // "1.300,50" / "1300,50" / "1300.50" / "420" → "1300.50"; null when it is not an amount.
  function betragLesen(text) {
    let s = String(text).trim().replace(/\s|€/g, "");
    if (!s) return null;
    if (s.includes(",")) {
      if (!/^\d{1,3}(\.\d{3})*,\d{1,2}$|^\d+,\d{1,2}$/.test(s)) return null;
      s = s.replace(/\./g, "").replace(",", ".");
    } else if (/^\d{1,3}(\.\d{3})+$/.test(s)) {
      s = s.replace(/\./g, "");
    } else if (!/^\d+(\.\d{1,2})?$/.test(s)) {
      return null;
    }
    return s;
  }
  function datumDeutsch(iso) {
    const [j, m, t] = String(iso).split("-");
    return t + "." + m + "." + j;
  }

  // ---------- errors next to their field ----------
  function fehlerFeld(input) {
    const id = input.getAttribute("aria-describedby") || "";
    const fid = id.split(" ").find((x) => x.endsWith("-fehler"));
    return fid ? document.getElementById(fid) : null;
  }
  function fehlerZeigen(input, text) {
    const p = fehlerFeld(input);
    input.setAttribute("aria-invalid", "true");
    if (p) {
      p.textContent = text;
      p.hidden = false;
    }
  }
  function fehlerLoeschen() {
    $$("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    $$(".fehler").forEach((p) => {
      p.textContent = "";
      p.hidden = true;
    });
    const z = $("#zusammenfassung");
    z.hidden = true;
    z.textContent = "";
  }
  function zusammenfassen(eintraege) {
    const z = $("#zusammenfassung");
    z.textContent = "";
    const h = document.createElement("h2");
    h.textContent = eintraege.length === 1 ? "Bitte prüfen Sie eine Angabe:" : "Bitte prüfen Sie " + eintraege.length + " Angaben:";
    z.appendChild(h);
    const ul = document.createElement("ul");
    eintraege.forEach(([input, text]) => {
      const li = document.createElement("li");
      if (input && input.id) {
        const a = document.createElement("a");
        a.href = "#" + input.id;
        a.textContent = text;
        a.addEventListener("click", (ev) => {
          ev.preventDefault();
          input.focus();
        });
        li.appendChild(a);
      } else {
        li.textContent = text;
      }
      ul.appendChild(li);
    });
    z.appendChild(ul);
    z.hidden = false;
  }
  function fehlerMelden(eintraege) {
    eintraege.forEach(([input, text]) => input && fehlerZeigen(input, text));
    zusammenfassen(eintraege);
    const erstes = eintraege.find(([input]) => input);
    if (erstes) erstes[0].focus();
    else $("#zusammenfassung").focus();
  }

  // ---------- members and incomes ----------
  function nummerieren() {
    $$("#personen .person").forEach((fs, i) => {
      $(".person-titel", fs).textContent = i === 0 ? "Person 1 (Antragstellerin oder Antragsteller)" : "Person " + (i + 1);
      $(".person-weg", fs).hidden = i === 0;
      $(".person-weg", fs).textContent = "Person " + (i + 1) + " entfernen";
      $(".einnahme-neu", fs).textContent = "Einnahme für Person " + (i + 1) + " hinzufügen";
      $$(".einnahme", fs).forEach((row, j) => {
        $(".einnahme-weg", row).textContent = "Einnahme " + (j + 1) + " von Person " + (i + 1) + " entfernen";
      });
    });
  }
  function verbinden(root, inputSel, labelSel, vorsilbe) {
    const input = $(inputSel, root);
    const label = $(labelSel, root);
    input.id = neueId(vorsilbe);
    label.htmlFor = input.id;
    return input;
  }
  function einnahmeNeu(person, art) {
    const row = $("#vorlage-einnahme").content.firstElementChild.cloneNode(true);
    const sel = verbinden(row, ".art", ".l-art", "art");
    const betrag = verbinden(row, ".betrag", ".l-betrag", "betrag");
    const fehler = $(".fehler", row);
    fehler.id = betrag.id + "-fehler";
    betrag.setAttribute("aria-describedby", fehler.id);
    const weitere = $(".weitere", row);
    weitereArten.forEach((a) => {
      const o = document.createElement("option");
      o.value = a;
      o.textContent = a;
      weitere.appendChild(o);
    });
    if (art) sel.value = art;
    $(".einnahme-weg", row).addEventListener("click", () => {
      row.remove();
      nummerieren();
      $(".einnahme-neu", person).focus();
    });
    $(".einnahmen", person).appendChild(row);
    nummerieren();
    return row;
  }
  function personNeu() {
    const fs = $("#vorlage-person").content.firstElementChild.cloneNode(true);
    verbinden(fs, ".abzug-steuern", ".l-steuern", "steuern");
    verbinden(fs, ".abzug-kv", ".l-kv", "kv");
    verbinden(fs, ".abzug-rv", ".l-rv", "rv");
    const gdb = verbinden(fs, ".gdb", ".l-gdb", "gdb");
    $(".h-gdb", fs).id = gdb.id + "-hilfe";
    $(".f-gdb", fs).id = gdb.id + "-fehler";
    gdb.setAttribute("aria-describedby", gdb.id + "-hilfe " + gdb.id + "-fehler");
    $(".einnahme-neu", fs).addEventListener("click", () => {
      const row = einnahmeNeu(fs);
      $(".art", row).focus();
    });
    $(".person-weg", fs).addEventListener("click", () => {
      fs.remove();
      nummerieren();
      $("#person-neu").focus();
    });
    $("#personen").appendChild(fs);
    nummerieren();
    return fs;
  }

  // ---------- housing cost ----------
  const WOHNKOSTEN = {
    Miete: ["Bruttokaltmiete in Euro im Monat", "Miete mit Nebenkosten, aber ohne Heizung und Warmwasser.", "wohnkosten.miete_monat"],
    Belastung: ["Belastung in Euro im Monat", "Zinsen und Tilgung der Darlehen, Grundsteuer und Pauschale für Instandhaltung und Bewirtschaftung, umgerechnet auf den Monat.", "wohnkosten.belastung_monat"],
  };
  function artGewaehlt() {
    return $("input[name=art]:checked").value;
  }
  function artAnzeigen() {
    const art = artGewaehlt();
    const feld = $("#feld-betrag");
    feld.hidden = art === "Heim";
    $("#heim-info").hidden = art !== "Heim";
    if (art !== "Heim") {
      const [label, hilfe, pfad] = WOHNKOSTEN[art];
      $("#wohnkosten-label").firstChild.textContent = label + " ";
      $("#wohnkosten-hilfe").textContent = hilfe;
      $("#wohnkosten").dataset.pfad = pfad;
    }
  }

  // ---------- Gemeinde: suggestions while typing, one of several ----------
  let tippen = null;
  function vorschlagen() {
    const text = $("#gemeinde").value.trim();
    clearTimeout(tippen);
    if (text.length < 2) return;
    tippen = setTimeout(async () => {
      const q = new URLSearchParams({ name: text, anzahl: "10" });
      const tag = $("#stichtag").value;
      if (tag) q.set("stichtag", tag);
      try {
        const r = await fetch("/v1/gemeinden?" + q.toString());
        if (!r.ok) return;
        const data = await r.json();
        const liste = $("#gemeinde-liste");
        liste.textContent = "";
        data.gemeinden.forEach((g) => {
          const o = document.createElement("option");
          o.value = g.name;
          o.label = g.name + " – " + g.kreis + ", " + g.land;
          liste.appendChild(o);
        });
      } catch (e) {
        /* suggestions are a help only */
      }
    }, 200);
  }
  function beschreibung(g) {
    const kreis = g.kreis && g.kreis !== g.name ? "Kreis " + g.kreis + ", " : "";
    return g.name + " (" + kreis + g.land + ", Gemeindeschlüssel " + g.ags + ")";
  }
  // One radio button with its label, appended to the list box; returns the radio button.
  function auswahlOption(box, name, id, wert, text) {
    const div = document.createElement("div");
    div.className = "option";
    const r = document.createElement("input");
    r.type = "radio";
    r.name = name;
    r.value = wert;
    r.id = id;
    const l = document.createElement("label");
    l.htmlFor = id;
    l.textContent = text;
    div.append(r, l);
    box.appendChild(div);
    return r;
  }
  function auswahlZeigen(kandidaten) {
    const box = $("#gemeinde-kandidaten");
    box.textContent = "";
    kandidaten.forEach((g, i) => {
      const r = auswahlOption(box, "gemeinde-kandidat", "kandidat-" + g.ags, g.ags, beschreibung(g));
      if (i === 0) r.setAttribute("aria-describedby", "gemeinde-fehler");
      r.addEventListener("change", () => {
        gewaehlteAgs = g.ags;
        const info = $("#gemeinde-info");
        info.textContent = "Gewählt: " + beschreibung(g) + ", Mietenstufe " + g.mietenstufe + ".";
        info.hidden = false;
      });
    });
    $("#gemeinde-auswahl").hidden = false;
  }
  function auswahlVerbergen() {
    gewaehlteAgs = null;
    $("#gemeinde-auswahl").hidden = true;
    $("#gemeinde-kandidaten").textContent = "";
  }
  // ---------- Postleitzahl: the Gemeinde found, or the choice among the Gemeinden of the PLZ ----------
  function roemisch(k) {
    return k.mietenstufe_roemisch || String(k.mietenstufe);
  }
  function kandidatText(k) {
    const kreis = k.kreis && k.kreis !== k.name ? "Kreis " + k.kreis + ", " : "";
    return k.name + " (" + kreis + k.land + ") – Mietenstufe " + roemisch(k);
  }
  function plzInfoZeigen(data) {
    const info = $("#plz-info");
    const ks = data.kandidaten;
    if (ks.length === 1) {
      info.textContent = "Gefunden: " + kandidatText(ks[0]) + ".";
      ortText = ks[0].name + " (PLZ " + data.plz + ")";
    } else {
      info.textContent = "Gefunden: Die Postleitzahl " + data.plz + " umfasst " + ks.length + " Gemeinden (" +
        ks.map((k) => k.name).join(", ") + "); alle haben Mietenstufe " + roemisch(ks[0]) + ".";
      ortText = "PLZ " + data.plz;
    }
    info.hidden = false;
  }
  function plzAuswahlVerbergen() {
    $("#plz-auswahl").hidden = true;
    $("#plz-kandidaten").textContent = "";
    $("#plz-auswahl").dataset.plz = "";
  }
  function plzGewaehlt() {
    const r = $("#plz-kandidaten input:checked");
    return r ? r.value : null;
  }
  function plzAuswahlZeigen(data) {
    const box = $("#plz-kandidaten");
    const vorher = $("#plz-auswahl").dataset.plz === data.plz ? plzGewaehlt() : null;
    box.textContent = "";
    const stufen = new Set(data.kandidaten.map((k) => k.mietenstufe));
    $("#plz-auswahl-hilfe").textContent = stufen.size > 1
      ? "Die Postleitzahl " + data.plz + " umfasst Gemeinden mit verschiedenen Mietenstufen."
      : "Für die Postleitzahl " + data.plz + " ist die Gemeinde nicht sicher bekannt.";
    data.kandidaten.forEach((k, i) => {
      const r = auswahlOption(box, "plz-kandidat", "plz-kandidat-" + k.ags, k.ags, kandidatText(k));
      if (i === 0) r.setAttribute("aria-describedby", "plz-fehler");
      if (vorher === k.ags) r.checked = true;
      r.addEventListener("change", () => {
        const info = $("#plz-info");
        info.textContent = "Gewählt: " + kandidatText(k) + ".";
        info.hidden = false;
        ortText = k.name + " (PLZ " + data.plz + ")";
      });
    });
    $("#plz-auswahl").dataset.plz = data.plz;
    $("#plz-auswahl").hidden = false;
  }
  async function plzAbfragen(plz, stichtag) {
    const q = new URLSearchParams({ plz: plz });
    if (stichtag) q.set("stichtag", stichtag);
    const r = await fetch("/v1/mietenstufe?" + q.toString());
    return { ok: r.ok, data: await r.json() };
  }
  // While typing: five digits → show the Gemeinde found or the choice (errors only on "berechnen").
  let plzTippen = null;
  function plzVorschau() {
    clearTimeout(plzTippen);
    const plz = $("#plz").value.trim();
    const nummer = ++plzAnfrage;
    if (!/^\d{5}$/.test(plz)) {
      $("#plz-info").hidden = true;
      plzAuswahlVerbergen();
      return;
    }
    plzTippen = setTimeout(async () => {
      try {
        const { ok, data } = await plzAbfragen(plz, $("#stichtag").value);
        if (nummer !== plzAnfrage) return;
        if (!ok) {
          $("#plz-info").hidden = true;
          plzAuswahlVerbergen();
        } else if (data.eindeutig) {
          plzAuswahlVerbergen();
          plzInfoZeigen(data);
        } else {
          $("#plz-info").hidden = true;
          plzAuswahlZeigen(data);
        }
      } catch (e) {
        /* checked again on "berechnen" */
      }
    }, 250);
  }
  // One Gemeinde found whose own row of the Anlage gives the stage: sent by its AGS, as a name is
  // after a lookup (the linked benefits of the Gemeinde, e.g. the Dresden-Pass, are found by it);
  // otherwise the Postleitzahl itself (with the Gemeinde chosen as ort), resolved by the library.
  function plzOrt(data, k) {
    if (k && k.regel === "anlage") return { gemeinde: k.ags };
    return k ? { plz: data.plz, ort: k.name } : { plz: data.plz };
  }
  async function plzAngabe(stichtag) {
    const input = $("#plz");
    const plz = input.value.trim();
    const nummer = ++plzAnfrage;
    const { ok, data } = await plzAbfragen(plz, stichtag);
    if (nummer !== plzAnfrage) return null;
    if (!ok) {
      plzAuswahlVerbergen();
      $("#plz-info").hidden = true;
      const f = (data.fehler || [])[0];
      if (f && f.feld === "stichtag") {
        serverFehler(data);
      } else {
        fehlerMelden([[input, f ? f.meldung : "Die Postleitzahl konnte nicht geprüft werden."]]);
      }
      return null;
    }
    if (data.eindeutig) {
      plzAuswahlVerbergen();
      plzInfoZeigen(data);
      return plzOrt(data, data.kandidaten.length === 1 ? data.kandidaten[0] : null);
    }
    const gewaehlt = $("#plz-auswahl").dataset.plz === data.plz ? plzGewaehlt() : null;
    const k = data.kandidaten.find((x) => x.ags === gewaehlt);
    if (k) return plzOrt(data, k);
    $("#plz-info").hidden = true;
    plzAuswahlZeigen(data);
    if (!data.kandidaten.length) {
      fehlerMelden([[input, "Für die Postleitzahl " + data.plz + " ist keine Mietenstufe bekannt. Bitte geben Sie die Gemeinde statt der Postleitzahl an."]]);
      return null;
    }
    fehlerZeigen(input, "Zur Postleitzahl " + data.plz + " gehören mehrere Gemeinden. Bitte wählen Sie unten Ihre Gemeinde aus und berechnen Sie dann erneut.");
    zusammenfassen([[input, "Bitte wählen Sie aus, zu welcher Gemeinde Ihre Wohnung mit der Postleitzahl " + data.plz + " gehört."]]);
    $("#plz-kandidaten input").focus();
    return null;
  }
  function ortUmschalten() {
    ortModus = ortModus === "plz" ? "gemeinde" : "plz";
    const plzModus = ortModus === "plz";
    $("#feld-plz").hidden = !plzModus;
    $("#feld-gemeinde").hidden = plzModus;
    $("#ort-umschalten").textContent = plzModus ? "Gemeinde statt Postleitzahl angeben" : "Postleitzahl statt Gemeinde angeben";
    fehlerLoeschen();
    $(plzModus ? "#plz" : "#gemeinde").focus();
  }

  // The place of the household as sent to the API: { plz[, ort] } or { gemeinde }.
  async function ortsangabe(stichtag) {
    if (ortModus === "plz") return plzAngabe(stichtag);
    const input = $("#gemeinde");
    ortText = "";
    if (gewaehlteAgs) {
      $("#gemeinde-info").hidden = false;
      return { gemeinde: gewaehlteAgs };
    }
    const ort = input.value.trim();
    const q = new URLSearchParams({ ort: ort, stichtag: stichtag });
    const r = await fetch("/v1/mietenstufe?" + q.toString());
    const data = await r.json();
    if (data.ergebnis === "eindeutig") {
      const info = $("#gemeinde-info");
      info.textContent = "Gefunden: " + beschreibung(data) + ", Mietenstufe " + data.mietenstufe + ".";
      info.hidden = false;
      return { gemeinde: data.ags };
    }
    if (data.ergebnis === "mehrdeutig") {
      auswahlZeigen(data.kandidaten);
      fehlerZeigen(input, "„" + ort + "“ gibt es mehrmals. Bitte wählen Sie unten Ihre Gemeinde aus und berechnen Sie dann erneut.");
      zusammenfassen([[input, "Bitte wählen Sie aus, welche Gemeinde „" + ort + "“ Sie meinen."]]);
      $("#gemeinde-kandidaten input").focus();
      return null;
    }
    if (data.ergebnis === "unbekannt") {
      const namen = (data.vorschlaege || []).map((g) => g.name);
      const text = "„" + ort + "“ steht nicht im Verzeichnis der Gemeinden für diesen Tag." +
        (namen.length ? " Meinten Sie: " + namen.join("; ") + "?" : " Bitte prüfen Sie die Schreibweise.");
      fehlerMelden([[input, text]]);
      return null;
    }
    serverFehler(data);
    return null;
  }

  // ---------- reading the form ----------
  function lesen() {
    const fehler = [];
    const gemeinde = $("#gemeinde");
    const plz = $("#plz");
    if (ortModus === "plz") {
      if (!plz.value.trim()) fehler.push([plz, "Bitte geben Sie die Postleitzahl Ihrer Wohnung an."]);
    } else if (!gemeinde.value.trim() && !gewaehlteAgs) {
      fehler.push([gemeinde, "Bitte geben Sie Ihre Gemeinde oder Stadt an."]);
    }
    const stichtag = $("#stichtag");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(stichtag.value)) fehler.push([stichtag, "Bitte geben Sie ein Datum an (Tag, Monat, Jahr)."]);
    else if (stichtag.value < "2016-01-01") fehler.push([stichtag, "Der Rechner kennt das Wohngeldrecht ab dem 01.01.2016. Bitte ein späteres Datum angeben."]);
    const haushalt = { stichtag: stichtag.value };
    const art = artGewaehlt();
    if (art === "Heim") {
      haushalt.wohnkosten = { art: "Heim" };
    } else {
      const feld = $("#wohnkosten");
      const wert = betragLesen(feld.value);
      if (wert === null) {
        fehler.push([feld, feld.value.trim()
          ? "„" + feld.value.trim() + "“ ist kein Betrag. Bitte in Euro angeben, z. B. 420,50."
          : (art === "Miete" ? "Bitte geben Sie die monatliche Bruttokaltmiete an." : "Bitte geben Sie die monatliche Belastung an.")]);
      }
      haushalt.wohnkosten = art === "Miete" ? { art: "Miete", miete_monat: wert } : { art: "Belastung", belastung_monat: wert };
    }
    haushalt.mitglieder = $$("#personen .person").map((fs, i) => {
      const m = {
        pauschalabzug: {
          steuern: $(".abzug-steuern", fs).checked,
          kranken_pflege: $(".abzug-kv", fs).checked,
          rente: $(".abzug-rv", fs).checked,
        },
        einnahmen: [],
      };
      const gdb = $(".gdb", fs);
      gdb.dataset.pfad = "mitglieder." + i + ".schwerbehindert_gdb";
      const gdbText = gdb.value.trim();
      if (gdbText) {
        const grad = /^\d{1,3}$/.test(gdbText) ? Number(gdbText) : NaN;
        if (!(grad >= 20 && grad <= 100)) {
          fehler.push([gdb, "„" + gdbText + "“: Der Grad der Behinderung ist eine Zahl von 20 bis 100."]);
        } else {
          m.schwerbehindert_gdb = grad;
        }
      }
      $$(".einnahme", fs).forEach((row, j) => {
        const sel = $(".art", row);
        const betrag = $(".betrag", row);
        sel.dataset.pfad = "mitglieder." + i + ".einnahmen." + j + ".art";
        betrag.dataset.pfad = "mitglieder." + i + ".einnahmen." + j + ".brutto_monat";
        const wert = betragLesen(betrag.value);
        if (wert === null) {
          fehler.push([betrag, betrag.value.trim()
            ? "„" + betrag.value.trim() + "“ ist kein Betrag. Bitte in Euro angeben, z. B. 1.300,00."
            : "Bitte geben Sie den Betrag dieser Einnahme an (oder entfernen Sie die Einnahme)."]);
        }
        m.einnahmen.push({ art: sel.value, brutto_monat: wert });
      });
      return m;
    });
    return { haushalt, fehler };
  }

  function serverFehler(data) {
    const liste = (data && data.fehler) || [];
    const eintraege = liste.map((f) => {
      let input = document.querySelector('[data-pfad="' + CSS.escape(String(f.feld)) + '"]');
      if (!input && String(f.feld).startsWith("wohnkosten")) input = $("#wohnkosten");
      if (!input && f.feld === "ort" && ortModus === "plz") input = $("#plz");
      return [input, (f.meldung || "Angabe ungültig.") + (f.erlaubt && f.erlaubt !== "siehe Meldung" ? " Erlaubt: " + f.erlaubt + "." : "")];
    });
    if (!eintraege.length) eintraege.push([null, (data && (data.meldung || data.titel)) || "Die Berechnung ist fehlgeschlagen. Bitte versuchen Sie es später erneut."]);
    fehlerMelden(eintraege);
  }

  // ---------- the answer ----------
  function el(tag, text, klasse) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (klasse) e.className = klasse;
    return e;
  }
  function wertText(s) {
    const w = s.wert;
    if (typeof w === "boolean") return w ? "ja" : "nein";
    if (w === null || w === undefined) return "–";
    if (/^\d{4}-\d{2}-\d{2}$/.test(String(w))) return datumDeutsch(w);
    if (/^-?\d+(\.\d+)?$/.test(String(w))) {
      return String(s.einheit || "").startsWith("EUR") ? euro(w) : zahl(w);
    }
    return String(w);
  }
  const VORRANG = {
    "Wohngeld": "Wohngeld beseitigt die Hilfebedürftigkeit – zuerst Wohngeld beantragen",
    "SGB II/XII": "Hilfebedürftigkeit bleibt – Jobcenter bzw. Sozialamt ansprechen",
    "nicht hilfebedürftig": "Nicht hilfebedürftig – Wohngeld ist die passende Leistung",
    "offen": "Nicht beurteilbar",
  };
  function zeigen(a, ort) {
    const r = a.wohngeld;
    const box = $("#ergebnis-inhalt");
    box.textContent = "";
    if (r.anspruch) {
      const p = el("p", null, "wohngeld-betrag");
      p.append("Voraussichtliches Wohngeld: ", el("strong", euro(r.betrag_monat) + " im Monat", "betrag-wert"));
      box.appendChild(p);
    } else {
      const p = el("p", null, "wohngeld-betrag kein-anspruch");
      p.append(el("strong", "Nach Ihren Angaben besteht kein Anspruch auf Wohngeld."));
      box.appendChild(p);
      box.appendChild(el("p", "Grund: " + r.grund + " (" + r.grund_zitat + ")", "grund"));
    }
    box.appendChild(el("p", "Unverbindliche Berechnung, kein Bescheid: Über Ihren Antrag entscheidet die Wohngeldbehörde nach Prüfung Ihrer Nachweise.", "unverbindlich"));
    box.appendChild(el("p", (r.art === "Lastenzuschuss" ? "Lastenzuschuss" : "Mietzuschuss") + " · " +
      (ort || "") + " · Mietenstufe " + r.mietenstufe + " · Stichtag " + datumDeutsch(r.stichtag) +
      " · Wohngeldgesetz in der Fassung ab " + datumDeutsch(r.fassung) + " (" + r.rechtsstand + ")", "rahmen"));
    if (ortModus === "plz") box.appendChild(el("p", OSM, "quelle"));
    if (r.warnungen.length) {
      const ul = el("ul", null, "hinweise");
      r.warnungen.forEach((w) => ul.appendChild(el("li", "Hinweis: " + w)));
      box.appendChild(ul);
    }
    const b = a.bewilligungszeitraum;
    if (b) {
      box.appendChild(el("p", "Voraussichtlicher Bewilligungszeitraum: " + datumDeutsch(b.beginn) + " bis " + datumDeutsch(b.ende) + " (" + b.monate + " Monate)."));
    }

    const details = el("details", null, "rechenweg");
    details.appendChild(el("summary", "Rechenweg anzeigen"));
    const tab = el("table");
    tab.appendChild(el("caption", "Rechenweg mit Rechtsgrundlagen"));
    const kopf = el("tr");
    ["Schritt", "Wert", "Rechtsgrundlage"].forEach((t) => {
      const th = el("th", t);
      th.scope = "col";
      kopf.appendChild(th);
    });
    const thead = el("thead");
    thead.appendChild(kopf);
    tab.appendChild(thead);
    const tbody = el("tbody");
    r.rechenweg.forEach((s) => {
      const tr = el("tr");
      const th = el("th", s.label);
      th.scope = "row";
      tr.append(th, el("td", wertText(s), "zahl"), el("td", s.zitat));
      tbody.appendChild(tr);
    });
    tab.appendChild(tbody);
    details.appendChild(tab);
    box.appendChild(details);

    box.appendChild(el("h3", "Diese Unterlagen brauchen Sie für den Antrag"));
    const ul = el("ul", null, "unterlagen");
    a.unterlagen.unterlagen.forEach((u) => {
      const li = el("li");
      li.append(el("strong", u.titel));
      const wer = u.betrifft && u.betrifft.length ? " – für: " + u.betrifft.join(", ") : "";
      li.append(wer + " – " + u.grund + " (" + u.zitat + ")");
      if (!u.sicher && u.vorbehalt) li.append(" Nur " + u.vorbehalt + ".");
      ul.appendChild(li);
    });
    box.appendChild(ul);

    const v = a.vorrang;
    box.appendChild(el("h3", "Wohngeld oder Bürgergeld/Sozialhilfe?"));
    box.appendChild(el("p", (VORRANG[v.ergebnis] || v.ergebnis) + ". " + v.text, "vorrang"));
    box.appendChild(el("p", v.hinweis + " (" + v.zitat + ")"));

    box.appendChild(el("h3", "Sie haben vielleicht auch Anspruch auf"));
    if (!a.leistungen.length) {
      box.appendChild(el("p", "Keine weiteren Leistungen im Verzeichnis."));
    } else {
      const ll = el("ul", null, "leistungen");
      a.leistungen.forEach((x) => {
        const li = el("li");
        li.append(el("strong", x.name), " (" + x.rechtsgrundlage + "): " + x.hinweis + " Antrag: " + x.antrag + ".");
        if (!x.sicher && x.vorbehalt) li.append(" Nur " + x.vorbehalt + ".");
        ll.appendChild(li);
      });
      box.appendChild(ll);
      box.appendChild(el("p", "Ein Hinweis, keine Entscheidung: Über diese Leistungen entscheiden die genannten Stellen.", "hilfe"));
    }
    const sec = $("#ergebnis");
    sec.hidden = false;
    $("#ergebnis-titel").focus();
  }

  async function berechnen(ev) {
    ev.preventDefault();
    fehlerLoeschen();
    $("#gemeinde-info").hidden = true;
    $("#ergebnis").hidden = true;
    const { haushalt, fehler } = lesen();
    if (fehler.length) {
      fehlerMelden(fehler);
      return;
    }
    const status = $("#status");
    status.textContent = "Wird berechnet …";
    try {
      const ort = await ortsangabe(haushalt.stichtag);
      if (!ort) {
        status.textContent = "";
        return;
      }
      Object.assign(haushalt, ort);
      const r = await fetch("/v1/antrag", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(haushalt),
      });
      const data = await r.json();
      status.textContent = "";
      if (!r.ok) {
        serverFehler(data);
        return;
      }
      const info = $("#gemeinde-info");
      zeigen(data, ortModus === "plz" ? ortText
        : (info.hidden ? "" : info.textContent.replace(/^(Gefunden|Gewählt): /, "").replace(/, Mietenstufe \d\.$/, "")));
      status.textContent = "Berechnung fertig.";
    } catch (e) {
      status.textContent = "";
      fehlerMelden([[null, "Der Rechner ist gerade nicht erreichbar. Bitte versuchen Sie es später erneut."]]);
    }
  }

  async function artenLaden() {
    try {
      const r = await fetch("/v1/schema");
      const s = await r.json();
      const alle = ((s.$defs || {}).EinnahmeArt || {}).enum || [];
      const haeufig = new Set($$("option", $("#vorlage-einnahme").content).map((o) => o.value));
      weitereArten = alle.filter((a) => !haeufig.has(a));
      $$(".einnahme .weitere").forEach((og) => {
        if (og.children.length) return;
        weitereArten.forEach((a) => {
          const o = document.createElement("option");
          o.value = a;
          o.textContent = a;
          og.appendChild(o);
        });
      });
    } catch (e) {
      /* the common kinds remain */
    }
  }

  function heute() {
    const d = new Date();
    const zwei = (n) => String(n).padStart(2, "0");
    return d.getFullYear() + "-" + zwei(d.getMonth() + 1) + "-" + zwei(d.getDate());
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("#stichtag").value = heute();
    const p = personNeu();
    einnahmeNeu(p);
    artenLaden();
    $("#person-neu").addEventListener("click", () => {
      const fs = personNeu();
      $(".abzug-steuern", fs).focus();
    });
    $$("input[name=art]").forEach((r) => r.addEventListener("change", artAnzeigen));
    artAnzeigen();
    $("#gemeinde").addEventListener("input", () => {
      auswahlVerbergen();
      vorschlagen();
    });
    $("#plz").addEventListener("input", plzVorschau);
    $("#stichtag").addEventListener("change", () => ortModus === "plz" && plzVorschau());
    $("#ort-umschalten").addEventListener("click", ortUmschalten);
    $("#rechner").addEventListener("submit", berechnen);
    $("#drucken").addEventListener("click", () => window.print());
    window.addEventListener("beforeprint", () => $$("details").forEach((d) => (d.open = true)));
  });
})();
