//go:build js && wasm

// Command awarekit-wasm is the personalisation engine of the
// /<edition>/personalise/ page, compiled with GOOS=js GOARCH=wasm: the same
// Go code as `awarekit personalise` (kit/personalise, kit/layout, kit/pdf,
// kit/preview), run in the visitor's browser so that nothing typed and no
// logo ever leaves the page. It imports neither Hugo nor kit/site.
//
// It installs one global object, awarekit, with two functions:
//
//	awarekit.load(contentJSON, kitJSON string)
//	  → {designs: [{id, name, sizes: [id], labels: [name],
//	                aspect: [width / height of the raw preview]}], error}
//	awarekit.render({values: {local_name…}, logo: Uint8Array|null,
//	                 design, size, bleed, pdf: bool, preview: height, raw: bool})
//	  → {fields: [{field, msg, code, n}], problems: [string],
//	     preview: Uint8Array (PNG), pdf: Uint8Array, fileName,
//	   ms, times: {check, layout, draw, pdf} (ms),
//	     with raw: rgba: Uint8ClampedArray, width, height}
//
// content.json and kit.json are the files the build writes for the edition
// (kit.json: the designs and strings of the kit it built with,
// personalise.KitData). Names are in the edition's language; msg is the English message, code
// and n let the page say it in the edition's language. With raw, the
// preview comes as pixels for a canvas, drawn again only where the poster
// changed since the last call.
//
//	awarekit.prepare()
//	  reads now what the first keystrokes need but the first preview
//	  did not (the phone metadata), and lets the garbage collector run
//	  again (held from the start: personalise.HoldGC); the page calls it
//	  after the first preview.
//
// and then calls globalThis.awarekitReady() if the page defined it.
package main

import (
	"syscall/js"
	"time"

	"github.com/awarekit/awarekit/kit/personalise"
)

var session *personalise.Session

func main() {
	// No collection until the first preview is shown (prepare): the
	// start only grows the heap (personalise.HoldGC).
	personalise.HoldGC()
	api := js.Global().Get("Object").New()
	api.Set("load", js.FuncOf(load))
	api.Set("render", js.FuncOf(render))
	api.Set("prepare", js.FuncOf(func(js.Value, []js.Value) any {
		if session != nil {
			session.Prepare()
		}
		return nil
	}))
	js.Global().Set("awarekit", api)
	if ready := js.Global().Get("awarekitReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the functions alive
}

func load(_ js.Value, args []js.Value) any {
	out := map[string]any{}
	if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeString {
		out["error"] = "load takes the edition's content.json and kit.json as strings"
		return out
	}
	s, err := personalise.NewSession([]byte(args[0].String()), []byte(args[1].String()))
	if err != nil {
		out["error"] = err.Error()
		return out
	}
	session = s
	var ds []any
	for _, d := range s.Offer() {
		sizes := make([]any, len(d.Sizes))
		for i, z := range d.Sizes {
			sizes[i] = z
		}
		labels := make([]any, len(d.Label))
		for i, l := range d.Label {
			labels[i] = l
		}
		aspect := make([]any, len(d.Aspect))
		for i, a := range d.Aspect {
			aspect[i] = a
		}
		ds = append(ds, map[string]any{"id": d.ID, "name": d.Name, "sizes": sizes, "labels": labels, "aspect": aspect})
	}
	out["designs"] = ds
	return out
}

func render(_ js.Value, args []js.Value) any {
	start := time.Now()
	out := map[string]any{}
	if session == nil || len(args) != 1 || args[0].Type() != js.TypeObject {
		out["problems"] = []any{"call load first, then render({values, design, size…})"}
		return out
	}
	a := args[0]
	req := personalise.Request{Values: map[string]string{}}
	if v := a.Get("values"); v.Type() == js.TypeObject {
		keys := js.Global().Get("Object").Call("keys", v)
		for i := 0; i < keys.Length(); i++ {
			k := keys.Index(i).String()
			if x := v.Get(k); x.Type() == js.TypeString {
				req.Values[k] = x.String()
			}
		}
	}
	if l := a.Get("logo"); l.Type() == js.TypeObject && l.Get("length").Type() == js.TypeNumber {
		req.Logo = make([]byte, l.Get("length").Int())
		js.CopyBytesToGo(req.Logo, l)
	}
	str := func(k string) string {
		if v := a.Get(k); v.Type() == js.TypeString {
			return v.String()
		}
		return ""
	}
	req.Design, req.Size = str("design"), str("size")
	req.Bleed = a.Get("bleed").Truthy()
	req.PDF = a.Get("pdf").Truthy()
	req.Raw = a.Get("raw").Truthy()
	if h := a.Get("preview"); h.Type() == js.TypeNumber {
		req.Preview = min(max(h.Int(), 0), 2000)
	}
	res := session.Render(req)
	fields := []any{}
	for _, f := range res.Fields {
		fields = append(fields, map[string]any{"field": f.Field, "msg": f.Msg, "code": f.Code, "n": f.N})
	}
	problems := []any{}
	for _, p := range res.Problems {
		problems = append(problems, p)
	}
	out["fields"], out["problems"], out["fileName"] = fields, problems, res.FileName
	bytes := func(b []byte) any {
		if b == nil {
			return js.Null()
		}
		u := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(u, b)
		return u
	}
	out["preview"], out["pdf"] = bytes(res.Preview), bytes(res.PDF)
	if img := res.Image; img != nil {
		u := js.Global().Get("Uint8ClampedArray").New(len(img.Pix))
		js.CopyBytesToJS(u, img.Pix)
		out["rgba"], out["width"], out["height"] = u, img.Bounds().Dx(), img.Bounds().Dy()
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	out["ms"] = ms(time.Since(start))
	out["times"] = map[string]any{"check": ms(res.Check), "layout": ms(res.Layout), "draw": ms(res.Draw), "pdf": ms(res.Write)}
	return out
}
