// Package verify prepares the verification of an edition by a person: a
// checklist of every phone number, URL, hours and cost the edition prints,
// each with its source (document, date, lines), for someone to check by
// phone or in a browser, written as Markdown and as a PDF (laid out by
// kit/layout, drawn by kit/pdf); and, when asked, an online check of every
// URL (HTTPS only, status, redirects followed and listed, certificate,
// timeout).
//
// It reads an edition and never writes the data: the person who checked
// records the result in the data with a verification: block (docs/DATA.md).
// It reads no clock (dates come from the edition) and opens no connection
// unless Online is called, with the client it is given.
package verify

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/layout"
)

// Item is one thing to check: a value of a fact.
type Item struct {
	Fact  content.Fact
	What  string // phone | url | hours | cost
	Value string // as printed
	Dial  string // for a phone: the number to dial
}

// Group is a fact and its items, with where it comes from.
type Group struct {
	Fact   content.Fact
	Source string // guide OFMIN (2024-03), seed 002_….txt, lines 342, 364
	Items  []Item
}

// Checklist lists the edition's facts and the values to check, in the
// order of the data: the emergency number, the contacts, the legal
// references.
func Checklist(e *content.Edition) []Group {
	var gs []Group
	for _, f := range e.Facts() {
		g := Group{Fact: f, Source: sourceText(e, f)}
		if f.Phone != nil && f.Phone.Dial != "" {
			g.Items = append(g.Items, Item{Fact: f, What: "phone", Value: f.Phone.Display, Dial: f.Phone.Dial})
		}
		if f.URL != "" {
			g.Items = append(g.Items, Item{Fact: f, What: "url", Value: f.URL})
		}
		if f.Hours != "" {
			g.Items = append(g.Items, Item{Fact: f, What: "hours", Value: f.Hours})
		}
		if f.Cost != "" {
			g.Items = append(g.Items, Item{Fact: f, What: "cost", Value: f.Cost})
		}
		if len(g.Items) > 0 {
			gs = append(gs, g)
		}
	}
	return gs
}

// URLs are the distinct URLs of the checklist, in order.
func URLs(gs []Group) []string {
	seen := map[string]bool{}
	var out []string
	for _, g := range gs {
		for _, it := range g.Items {
			if it.What == "url" && !seen[it.Value] {
				seen[it.Value] = true
				out = append(out, it.Value)
			}
		}
	}
	return out
}

func sourceText(e *content.Edition, f content.Fact) string {
	s, ok := e.SourceByID(f.Source)
	if !ok {
		return "no source"
	}
	parts := []string{s.Name()}
	if s.Date != "" {
		parts[0] += " (" + s.Date + ")"
	}
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	switch {
	case s.Seed != "":
		loc := "seed " + s.Seed
		if f.SourceLines != "" {
			loc += ", lines " + f.SourceLines
		}
		parts = append(parts, loc)
	case s.URL != "":
		parts = append(parts, s.URL)
	}
	return strings.Join(parts, ", ")
}

var labels = map[string]string{"phone": "Phone", "url": "Address", "hours": "Hours", "cost": "Cost"}

// what tells the checker what to do for an item.
func what(it Item) string {
	switch {
	case it.What == "phone" && it.Fact.Kind == "emergency":
		return "never call an emergency number to test it: check it on the official page of the region's emergency services"
	case it.What == "phone":
		return "call it: does the service answer, under this name?"
	case it.What == "url":
		return "open it: is it the service's own page, over HTTPS?"
	case it.What == "hours":
		return "are these the hours the service gives today?"
	case it.What == "cost":
		return "is this what a call or the service costs?"
	}
	return ""
}

func stateText(f content.Fact) string {
	switch f.State() {
	case "verified":
		v := f.Verification
		return fmt.Sprintf("verified on %s by %s (%s)", v.Date, v.By, v.How)
	case "unverified":
		return "unverified: " + f.Unverified
	}
	return "sourced, never verified against the live service"
}

func where(f content.Fact) string { return f.File() + ", " + f.Field() }

const recordHelp = `When a fact is checked, record it in the data, in the fact's own entry (docs/DATA.md, "Provenance and verification"):

    verification: {date: YYYY-MM-DD, by: "name, organisation", how: "called the number and reached the service"}

A fact that does not match: correct it from an official source, name that source, and record the verification. Nothing here writes the data.`

// Markdown writes the checklist as Markdown, with a box to tick per item.
func Markdown(e *content.Edition, gs []Group) []byte {
	var b bytes.Buffer
	n := 0
	for _, g := range gs {
		n += len(g.Items)
	}
	fmt.Fprintf(&b, "# Verification checklist: %s (%s, %s)\n\n", e.Code, e.RegionName, e.LanguageName)
	fmt.Fprintf(&b, "Edition updated %s. %d items to check, for %d facts. Check each one by phone or in a browser, against the live service, and tick it.\n\n", e.Date(), n, len(gs))
	b.WriteString(recordHelp + "\n")
	for _, g := range gs {
		fmt.Fprintf(&b, "\n## %s\n\n", md(g.Fact.Name))
		fmt.Fprintf(&b, "- In the data: %s (%s)\n", where(g.Fact), md(g.Fact.ID))
		fmt.Fprintf(&b, "- Source: %s\n", md(g.Source))
		fmt.Fprintf(&b, "- State: %s\n\n", md(stateText(g.Fact)))
		for _, it := range g.Items {
			v := md(it.Value)
			if it.What == "phone" && it.Dial != it.Value {
				v += " (dial " + md(it.Dial) + ")"
			}
			if it.What == "url" {
				v = "<" + strings.ReplaceAll(it.Value, ">", "%3E") + ">"
			}
			fmt.Fprintf(&b, "- [ ] %s: %s — %s\n", labels[it.What], v, what(it))
		}
	}
	return b.Bytes()
}

// md escapes the characters Markdown would read as markup.
func md(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "`", "\\`", "#", `\#`).Replace(s)
}

// Paras is the checklist as paragraphs for layout.Document.
func Paras(e *content.Edition, gs []Group) []layout.Para {
	ink, accent, gray := layout.Color{}, layout.Color{R: 20, G: 60, B: 130}, layout.Color{R: 80, G: 80, B: 80}
	p := func(text string, role layout.Role, c layout.Color, scale, before float64) layout.Para {
		return layout.Para{Spans: []layout.Span{{Text: text, Role: role, Color: c, Scale: scale}}, Align: layout.Left, SpaceBefore: before, Leading: 1.3}
	}
	n := 0
	for _, g := range gs {
		n += len(g.Items)
	}
	ps := []layout.Para{
		p(fmt.Sprintf("Verification checklist: %s (%s, %s)", e.Code, e.RegionName, e.LanguageName), layout.Black, accent, 1.6, 0),
		p(fmt.Sprintf("Edition updated %s. %d items to check, for %d facts. Check each one by phone or in a browser, against the live service, and tick it.", e.Date(), n, len(gs)), layout.Regular, ink, 1, 0.6),
	}
	for i, line := range strings.Split(recordHelp, "\n\n") {
		role := layout.Regular
		if i == 1 {
			role = layout.Bold
			line = strings.TrimSpace(line)
		}
		ps = append(ps, p(line, role, ink, 0.95, 0.5))
	}
	for _, g := range gs {
		ps = append(ps, p(g.Fact.Name, layout.Black, accent, 1.25, 1.2))
		ps = append(ps, p("In the data: "+where(g.Fact)+" ("+g.Fact.ID+")", layout.Regular, gray, 0.85, 0.2))
		ps = append(ps, p("Source: "+g.Source, layout.Regular, gray, 0.85, 0.1))
		ps = append(ps, p("State: "+stateText(g.Fact), layout.Regular, gray, 0.85, 0.1))
		for _, it := range g.Items {
			v := it.Value
			if it.What == "phone" && it.Dial != it.Value {
				v += " (dial " + it.Dial + ")"
			}
			ps = append(ps, layout.Para{Spans: []layout.Span{
				{Text: "[  ] " + labels[it.What] + ": ", Role: layout.Bold, Color: ink, Scale: 1},
				{Text: v, Role: layout.Bold, Color: ink, Scale: 1},
				{Text: " — " + what(it), Role: layout.Regular, Color: ink, Scale: 1},
			}, Align: layout.Left, SpaceBefore: 0.35, Leading: 1.3})
		}
	}
	return ps
}
