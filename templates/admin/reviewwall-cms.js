/* reviewwall's part of the web editor at /admin/ (Decap CMS 3).
 *
 * - A file format, "reviewwall-yml", that edits the review file in place instead of writing it
 *   anew: comments, key order, quoting and block style stay byte for byte, and only what staff
 *   changed is written (with the `yaml` library's Document API, as `reviewwall reply` does with
 *   ruamel.yaml). A file that cannot come back exactly, or a change to a customer's words, is
 *   refused with a message: nothing is saved.
 * - A widget that shows the customer's review as a card and never changes it.
 * - A thread widget: what was said is shown, locked; staff add a public reply, a switch to a
 *   private channel, or the customer's follow-up.
 *
 * Decap's bundle gives the globals CMS, createClass and h (React.createElement).
 */

const HIDDEN = "_reviewwall"; // the file as read, kept beside the values until it is saved
const WRITE = { lineWidth: 0, minContentWidth: 0, blockQuote: "literal", flowCollectionPadding: false };
// The layouts a file may have that the yaml library can write back exactly: lists indented under
// their key or not (people and ruamel.yaml indent them, PyYAML does not), double-quoted text on
// one line or folded. A file's own layout is the first that gives back every byte of it.
const LAYOUTS = [true, false].flatMap((indentSeq) =>
  [40, Infinity].map((folded) => ({ ...WRITE, indentSeq, doubleQuotedMinMultiLineLength: folded })),
);
const READ = { version: "1.2" }; // YAML 1.2 core: 2026-11-03 stays the text it is in the file

export class RefusedEdit extends Error {}

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      if (!isEmpty(value[key])) out[key] = canonical(value[key]);
    }
    return out;
  }
  return value;
}

function isEmpty(value) {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

function same(a, b) {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

// What staff type becomes text a YAML reader reads back exactly: line breaks as \n, no control
// characters (YAML 1.1 readers take U+2028 and U+0085 for line breaks, and refuse most others).
export function cleanText(value) {
  return String(value)
    .replace(/\r\n?|[\u0085\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/g, "");
}

function cleanEntry(entry) {
  const out = {};
  for (const [key, value] of Object.entries(entry)) {
    if (isEmpty(value)) continue;
    out[key] = typeof value === "string" ? cleanText(value).replace(/\s+$/, "") : value;
  }
  return out;
}

export function reviewFormat(YAML, settings) {
  const order = settings.order;

  function parse(content) {
    const doc = YAML.parseDocument(content, READ);
    if (doc.errors.length) {
      // reviewwall reads YAML 1.1, which takes a few characters for line breaks that 1.2 does not.
      const problem = doc.errors[0].message.split("\n")[0];
      throw new RefusedEdit(
        `The web editor cannot read this file as reviewwall does (${problem}), so it saves nothing; ` +
          "answer with reviewwall reply, or edit the file by hand.",
      );
    }
    return doc;
  }

  // Put a new key where the format's order puts it: before the first later key the mapping has.
  function insert(doc, map, key, value, names) {
    const pair = doc.createPair(key, value);
    const rank = names.indexOf(key);
    const at = map.items.findIndex((item) => names.indexOf(String(item.key)) > rank);
    if (at === -1) map.items.push(pair);
    else map.items.splice(at, 0, pair);
  }

  function setIn(doc, map, key, value, names) {
    if (isEmpty(value)) map.delete(key);
    else if (map.has(key)) map.set(key, doc.createNode(value));
    else insert(doc, map, key, value, names);
  }

  function editThread(doc, before, after) {
    before = before || [];
    after = after || [];
    if (after.length < before.length || !same(before, after.slice(0, before.length))) {
      throw new RefusedEdit("What was said in the thread is kept as it was written; only new entries can be added.");
    }
    const added = after.slice(before.length).map(cleanEntry);
    added.forEach(checkEntry);
    if (!added.length) return;
    let seq = doc.get("thread", true);
    if (!seq || !YAML.isSeq(seq)) {
      setIn(doc, doc.contents, "thread", added, order.review);
      return;
    }
    seq.flow = false;
    for (const entry of added) seq.items.push(doc.createNode(entry));
  }

  function checkEntry(entry) {
    if (!entry.at) throw new RefusedEdit("A new thread entry needs its moment (At).");
    if (entry.private === true && !entry.via) throw new RefusedEdit("A switch to private says where the talk went (Via).");
    if (entry.private !== true && !entry.text) throw new RefusedEdit("A new reply or follow-up needs its text.");
  }

  function editOutcome(doc, before, after) {
    before = before || {};
    after = after || {};
    let map = doc.get("outcome", true);
    if (!map || !YAML.isMap(map)) {
      const values = {};
      for (const key of order.outcome) if (!isEmpty(after[key])) values[key] = clean(after[key]);
      setIn(doc, doc.contents, "outcome", values, order.review);
      return;
    }
    for (const key of order.outcome) {
      if (!same(before[key], after[key])) setIn(doc, map, key, clean(after[key]), order.outcome);
    }
  }

  function clean(value) {
    if (typeof value === "string") return cleanText(value).replace(/\s+$/, "");
    if (Array.isArray(value)) return value.map(clean);
    return value;
  }

  return {
    fromFile(content) {
      let data;
      try {
        data = parse(content).toJS() || {};
      } catch (error) {
        // Still listed and shown, so staff see why; saving it is refused.
        return { [HIDDEN]: { source: content, thread: 0, unreadable: error.message } };
      }
      const thread = Array.isArray(data.thread) ? data.thread.length : 0;
      data[HIDDEN] = { source: content, thread };
      return data;
    },

    toFile(data) {
      const values = { ...data };
      const hidden = values[HIDDEN];
      delete values[HIDDEN];
      if (!hidden) throw new RefusedEdit("New reviews are added with reviewwall new or reviewwall import, not here.");
      if (hidden.unreadable) {
        if (Object.values(values).every(isEmpty)) return hidden.source;
        throw new RefusedEdit(hidden.unreadable);
      }
      const doc = parse(hidden.source);
      const before = doc.toJS() || {};
      const changed = [...new Set([...Object.keys(before), ...Object.keys(values)])].filter(
        (key) => !same(before[key], values[key]),
      );
      if (!changed.length) return hidden.source;
      const layout = LAYOUTS.find((options) => doc.toString(options) === hidden.source);
      if (!layout) {
        throw new RefusedEdit(
          "This file is written in a way the web editor cannot keep exactly, so it saves nothing; " +
            "answer with reviewwall reply, or edit the file by hand.",
        );
      }
      for (const key of changed) {
        if (settings.customer.includes(key)) {
          throw new RefusedEdit(`${key} is the customer's: it is never changed.`);
        }
        if (key === "thread") editThread(doc, before.thread, values.thread);
        else if (key === "outcome") editOutcome(doc, before.outcome, values.outcome);
        else if (order.review.includes(key)) setIn(doc, doc.contents, key, clean(values[key]), order.review);
      }
      return doc.toString(layout);
    },
  };
}

// ---- widgets -------------------------------------------------------------------------------

function plain(value) {
  return value && typeof value.toJS === "function" ? value.toJS() : value;
}

// 2026-03-24T10:18 as people read it: 2026-03-24 10:18.
function moment(value) {
  return shown(value).replace(/^(\d{4}-\d{2}-\d{2})T/, "$1 ");
}

function shown(value) {
  value = plain(value);
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map(shown).join(", ") : "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const BOX = {
  padding: "10px 14px",
  background: "#f4f5f7",
  borderRadius: "5px",
  whiteSpace: "pre-wrap",
  overflowWrap: "anywhere",
  color: "#313d3e",
  minHeight: "1.4em",
};
const LABEL = { display: "block", fontSize: "13px", fontWeight: 600, margin: "10px 0 3px" };
const INPUT = {
  width: "100%",
  padding: "8px",
  border: "1px solid #c4c8cf",
  borderRadius: "4px",
  font: "inherit",
  boxSizing: "border-box",
};

function card(locked) {
  return {
    border: "1px solid #dfdfe3",
    borderLeft: `4px solid ${locked ? "#8a9190" : "#3a69c7"}`,
    borderRadius: "5px",
    padding: "8px 12px",
    margin: "0 0 10px",
    background: locked ? "#f4f5f7" : "#fff",
  };
}

const KINDS = { reply: "Public reply", private: "Moved to a private channel", customer: "The customer's follow-up" };

function kindOf(entry) {
  if (entry.private === true || entry.private === "true") return "private";
  if (entry.from === "customer") return "customer";
  return "reply";
}

// Now, to the minute, on the site's clock: a moment without a zone is read in the site's zone.
function now(timezone) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date());
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

export function makeWidgets(settings) {
  const { createClass, h } = window;

  // The customer's fields as one card, as the site shows them: staff read it, nobody edits it.
  const ReviewControl = createClass({
    render() {
      const data = plain(this.props.entry.get("data")) || {};
      const unreadable = data[HIDDEN] && data[HIDDEN].unreadable;
      if (unreadable) {
        return h("div", { id: this.props.forID, "data-readonly-field": "review", role: "alert", style: BOX }, unreadable);
      }
      const rating = Number.isInteger(data.rating) ? "★".repeat(data.rating) + "☆".repeat(5 - data.rating) : null;
      const facts = [rating, settings.channels[data.channel] || data.channel, moment(data.received), data.author]
        .filter((fact) => fact !== null && fact !== undefined && fact !== "")
        .map(String)
        .join(" · ");
      return h(
        "div",
        {
          id: this.props.forID,
          className: this.props.classNameWrapper,
          "data-readonly-field": "review",
          "aria-readonly": "true",
          style: BOX,
        },
        h("div", { style: { fontWeight: 600, marginBottom: "6px" }, "data-facts": "" }, facts),
        data.title ? h("div", { style: { fontWeight: 700 }, "data-title": "" }, shown(data.title)) : null,
        h("div", { "data-text": "" }, data.text === undefined ? "(rated without a comment)" : shown(data.text)),
        data.url ? h("div", { style: { marginTop: "6px", fontSize: "13px" } }, `Original: ${shown(data.url)}`) : null,
      );
    },
  });

  const ReadonlyPreview = createClass({
    render() {
      return h("div", { style: { whiteSpace: "pre-wrap" } }, shown(this.props.value));
    },
  });

  function blank(kind) {
    const at = now(settings.timezone);
    const by = settings.staff_name || "";
    if (kind === "private") return { at, private: true, via: "email", summary: "", by, text: "" };
    if (kind === "customer") return { at, from: "customer", text: "" };
    return { at, by, text: "" };
  }

  const ThreadControl = createClass({
    items() {
      return plain(this.props.value) || [];
    },

    locked() {
      const hidden = plain(this.props.entry.getIn(["data", HIDDEN]));
      return hidden ? hidden.thread : 0;
    },

    isValid() {
      for (const entry of this.items().slice(this.locked())) {
        if (!entry.at) return { error: { message: "A new thread entry needs its moment (At)." } };
        if (kindOf(entry) === "private" && !entry.via) return { error: { message: "Say where the talk went (Via)." } };
        if (kindOf(entry) !== "private" && !String(entry.text || "").trim()) {
          return { error: { message: "A new reply or follow-up needs its text." } };
        }
      }
      return true;
    },

    add(kind) {
      this.props.onChange(this.items().concat([blank(kind)]));
    },

    update(index, key, value) {
      const items = this.items().slice();
      items[index] = { ...items[index], [key]: value };
      this.props.onChange(items);
    },

    remove(index) {
      const items = this.items().slice();
      items.splice(index, 1);
      this.props.onChange(items);
    },

    field(index, entry, key, title, multiline) {
      const id = `${this.props.forID}-${index}-${key}`;
      const props = {
        id,
        name: key,
        value: entry[key] || "",
        style: INPUT,
        onChange: (event) => this.update(index, key, event.target.value),
      };
      let control;
      if (key === "at") control = h("input", { ...props, type: "datetime-local" });
      else if (key === "via") {
        control = h("select", props, settings.via.map((v) => h("option", { key: v, value: v }, v)));
      } else if (multiline) control = h("textarea", { ...props, rows: 5 });
      else control = h("input", { ...props, type: "text" });
      return h("div", { key }, h("label", { htmlFor: id, style: LABEL }, title), control);
    },

    renderLocked(entry, index) {
      const kind = kindOf(entry);
      const head = [KINDS[kind], moment(entry.at), entry.by, entry.via && `via ${entry.via}`]
        .filter(Boolean)
        .join(" · ");
      return h(
        "div",
        { key: `e${index}`, style: card(true), "data-thread-entry": "locked", "data-kind": kind },
        h("div", { style: { fontSize: "13px", fontWeight: 600, color: "#4a5358" } }, head),
        entry.summary ? h("div", { style: { fontStyle: "italic", margin: "4px 0" } }, shown(entry.summary)) : null,
        h("div", { style: { ...BOX, background: "transparent", padding: "4px 0 0" } }, shown(entry.text)),
      );
    },

    renderNew(entry, index) {
      const kind = kindOf(entry);
      const rows = [this.field(index, entry, "at", `At (${settings.timezone})`)];
      if (kind === "private") {
        rows.push(this.field(index, entry, "via", "Via"));
        rows.push(this.field(index, entry, "summary", "What the public may know (shown on the site)", true));
      }
      if (kind !== "customer") rows.push(this.field(index, entry, "by", "By (your name and role)"));
      const text = { reply: "Your reply (Markdown)", private: "Notes for staff (never published)", customer: "The customer's words, exactly as written" };
      rows.push(this.field(index, entry, "text", text[kind], true));
      return h(
        "div",
        { key: `e${index}`, style: card(false), "data-thread-entry": "new", "data-kind": kind },
        h(
          "div",
          { style: { display: "flex", justifyContent: "space-between", fontWeight: 600 } },
          `New: ${KINDS[kind]}`,
          h("button", { type: "button", onClick: () => this.remove(index) }, "Remove"),
        ),
        rows,
      );
    },

    render() {
      const items = this.items();
      const locked = this.locked();
      return h(
        "div",
        { id: this.props.forID, className: this.props.classNameWrapper },
        items.length ? null : h("p", null, "Nothing said yet after the review."),
        items.map((entry, i) => (i < locked ? this.renderLocked(entry, i) : this.renderNew(entry, i))),
        h(
          "div",
          { style: { display: "flex", gap: "8px", flexWrap: "wrap" } },
          Object.keys(KINDS).map((kind) =>
            h("button", { key: kind, type: "button", "data-add": kind, onClick: () => this.add(kind) }, `+ ${KINDS[kind]}`),
          ),
        ),
      );
    },
  });

  const ThreadPreview = createClass({
    render() {
      const items = plain(this.props.value) || [];
      return h("ol", null, items.map((e, i) => h("li", { key: i }, `${KINDS[kindOf(e)]} ${shown(e.at)}: ${shown(e.text)}`)));
    },
  });

  return { ReviewControl, ReadonlyPreview, ThreadControl, ThreadPreview };
}

export function start(CMS, YAML, settings) {
  const widgets = makeWidgets(settings);
  CMS.registerCustomFormat("reviewwall-yml", "yml", reviewFormat(YAML, settings));
  CMS.registerWidget("reviewwall-review", widgets.ReviewControl, widgets.ReadonlyPreview);
  CMS.registerWidget("reviewwall-thread", widgets.ThreadControl, widgets.ThreadPreview);
  CMS.init();
}
