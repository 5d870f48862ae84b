// Package site builds the microsite of every edition with Hugo, run
// in-process: one Hugo language per edition, pages generated from the
// validated content by a content adapter, layouts and interface strings
// from the kit folder over the defaults embedded in the binary.
//
// It is the only package that imports Hugo. It assembles a small Hugo
// project in a temporary folder (config, layouts, assets, one JSON data
// file and one i18n table per edition), builds it, then moves each
// language's output into the edition's own folder of the build output
// (public/fr-FR/, next to the posters). See docs/SITE.md.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/kitset"
	"github.com/awarekit/awarekit/kit/manifest"
)

// Options configure the site build.
type Options struct {
	// Root is the kit folder: its layouts/, assets/ and i18n/ override the
	// embedded defaults file by file. Empty: the defaults only.
	Root string
	// BaseURL is where the site will be published: https://example.org/
	// or a path such as /sextorsion/. Only its path is used in links;
	// with a host, the sitemap gets absolute URLs. Default "/".
	BaseURL string
	// Log receives Hugo's warnings and errors. Nil: discarded.
	Log io.Writer
	// Keep leaves the temporary Hugo project in place and names it in Log
	// (debugging a template: AWAREKIT_KEEP_SITE, read by the command).
	Keep bool
	// Engine: the build writes the personalisation engine beside each
	// personalise page (awarekit build --engine). Without it the page
	// keeps its fallback and requests nothing.
	Engine bool
}

// Hook returns the function build.Options.Site expects (the site does not
// import build: build calls it through this hook).
func Hook(opt Options) func(kitset.SiteJob) error {
	return func(job kitset.SiteJob) error { return Build(job, opt) }
}

// Build writes the site of job.Editions into job.Out: each edition's pages
// into job.Out/<code>/, and, when every edition of the data is built, the
// region and language picker and the sitemap index at the root.
func Build(job kitset.SiteJob, opt Options) error {
	if len(job.Editions) == 0 {
		return nil
	}
	out, err := filepath.Abs(job.Out) // Hugo wants absolute folders
	if err != nil {
		return err
	}
	job.Out = out
	work, err := os.MkdirTemp(out, ".site-")
	if err != nil {
		return err
	}
	if !opt.Keep {
		defer os.RemoveAll(work)
	} else if opt.Log != nil {
		fmt.Fprintln(opt.Log, "site: keeping", work)
	}
	proj := filepath.Join(work, "project")
	staging := filepath.Join(work, "public")
	p := &project{Dir: proj, Opt: opt, Job: job, kit: job.Kit}
	if p.kit == nil {
		// Without the build's kit: the designs, layouts and assets now,
		// each edition's strings when its pages are written (strings).
		if p.kit, err = kitset.Load(opt.Root, nil); err != nil {
			return err
		}
	}
	if err := p.write(); err != nil {
		return err
	}
	if err := runHugo(proj, staging, opt.Log); err != nil {
		return templateErr(err, proj, p.kit)
	}
	return p.publish(staging, job.Out)
}

// project is the Hugo project assembled for one build.
type project struct {
	Dir string
	Opt Options
	Job kitset.SiteJob
	kit *kitset.Kit // the build's kit, or the one loaded from Opt.Root
}

// kitFS returns the kit folder over the embedded defaults: only the kit
// folder's regular files (awarekit.KitFS); what it refuses (links, FIFOs,
// devices) kitset.Load has reported already.
func (p *project) kitFS() fs.FS { return p.kit.FS }

// rootPath returns the path part of the base URL, with slashes at both ends.
func (p *project) rootPath() string {
	u := p.Opt.BaseURL
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = "/"
		}
	}
	u = "/" + strings.Trim(u, "/") + "/"
	return strings.ReplaceAll(u, "//", "/")
}

// base returns the URL path of an edition's folder.
func (p *project) base(code string) string {
	return p.rootPath() + code + "/"
}

func (p *project) write() error {
	kit := p.kitFS()
	eds := p.languages()
	// Layouts: the user's over the embedded ones.
	if err := p.copyTree(kit, "layouts", "layouts"); err != nil {
		return err
	}
	if err := p.put("content/_content.gotmpl", contentAdapter); err != nil {
		return err
	}
	ver, err := p.assetVersion(kit)
	if err != nil {
		return err
	}
	// Static files: hugolib does not copy them (the hugo command does):
	// publish copies the assets into each edition's folder.
	words := map[string]string{} // "brouillon", "Entwurf": a draft's mark in its own language
	designs := p.designs()
	for _, e := range eds {
		strs, err := p.strings(e)
		if err != nil {
			return err
		}
		words[e.Code] = strs["draft_word"]
		b, err := json.MarshalIndent(strs, "", "  ")
		if err != nil {
			return err
		}
		// Hugo reads a JSON i18n file as flat key: text pairs too.
		if err := p.put("i18n/"+key(e.Code)+".json", b); err != nil {
			return err
		}
		v := newEdition(e, p.Job.Files[e.Code], designs, strs, thumbSizes(p.Job.Out, p.Job.Files[e.Code]), p.locale(e))
		b, err = json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		if err := p.put("data/editions/"+key(e.Code)+".json", b); err != nil {
			return err
		}
	}
	cfg, err := json.MarshalIndent(p.config(ver, words), "", "  ")
	if err != nil {
		return err
	}
	return p.put("hugo.json", cfg)
}

// languages are the editions Hugo builds: every edition of the data, so
// that the links between editions are complete even when only some of them
// are published (awarekit build --edition); publish moves only those.
func (p *project) languages() []*content.Edition {
	if len(p.Job.All) > 0 {
		return p.Job.All
	}
	return p.Job.Editions
}

// config returns Hugo's configuration of the project. words are the
// editions' words for a draft (their draft_word string).
func (p *project) config(ver string, words map[string]string) map[string]any {
	langs := map[string]any{}
	var picker []map[string]any
	for _, e := range p.Job.All {
		picker = append(picker, map[string]any{
			"code": e.Code, "key": key(e.Code), "region_name": p.locale(e).Apply(e.RegionName),
			"language_name": p.locale(e).Apply(e.LanguageName), "language": e.Language,
			"href": p.base(e.Code), "draft": e.Draft(), "draft_word": words[e.Code],
			"dir": p.locale(e).Dir(), // the locale's direction: (i18n/locale/<lang>.yaml)
		})
	}
	for i, e := range p.languages() {
		langs[key(e.Code)] = map[string]any{
			"locale":    e.Code,
			"direction": p.locale(e).Dir(), // <html dir>: the locale's direction: (rtl for Arabic)
			"label":     p.locale(e).Apply(e.LanguageName + " (" + e.RegionName + ")"),
			"weight":    i + 1,
			"title":     p.locale(e).Apply(e.Texts.Title),
			"params": map[string]any{"base": p.base(e.Code), "code": e.Code, "region": e.Region,
				"draft": e.Draft(), "draft_word": words[e.Code]},
		}
	}
	return map[string]any{
		"baseURL":                        "/",
		"title":                          "awarekit",
		"defaultContentLanguage":         key(defaultEdition(p.languages()).Code),
		"defaultContentLanguageInSubdir": true,
		"disableKinds":                   []string{"taxonomy", "term", "rss", "sitemap", "section", "robotstxt"},
		"disableHugoGeneratorInject":     true,
		"enableRobotsTXT":                false,
		"timeZone":                       "UTC",
		"languages":                      langs,
		"markup": map[string]any{
			"goldmark": map[string]any{
				"renderer":   map[string]any{"unsafe": false},
				"extensions": map[string]any{"typographer": map[string]any{"disable": true}, "linkify": false},
				"parser":     map[string]any{"autoHeadingID": true},
			},
		},
		"params": map[string]any{
			"root":    p.rootPath(),
			"version": ver,
			"picker":  picker,
			"engine":  p.Opt.Engine,
		},
		"caches": map[string]any{
			"images":  map[string]any{"dir": ":resourceDir/_gen"},
			"assets":  map[string]any{"dir": ":resourceDir/_gen"},
			"modules": map[string]any{"dir": ":cacheDir/modules"},
		},
		"cacheDir":    filepath.Join(p.Dir, ".cache"),
		"resourceDir": filepath.Join(p.Dir, "resources"),
		"security": map[string]any{
			"exec":  map[string]any{"allow": []string{"^$"}},
			"funcs": map[string]any{"getenv": []string{"^$"}},
			"http":  map[string]any{"urls": []string{"^$"}},
		},
	}
}

// designs are the id, name, kind and audience of every poster design of
// the kit, to group the downloads; their titles and descriptions are the
// edition's strings design_<id> and where_<id>.
func (p *project) designs() []designInfo {
	var ds []designInfo
	for _, d := range p.kit.Designs {
		ds = append(ds, designInfo{ID: d.ID, Name: d.Name, Kind: d.Kind, Audience: d.Audience})
	}
	return ds
}

// thumbSizes reads the pixel size of every thumbnail the build made, so
// that the downloads page gives its images a width and a height (no
// layout shift while they load, lazily). A thumbnail that cannot be read
// gets none.
func thumbSizes(out string, files []manifest.File) map[string][2]int {
	dims := map[string][2]int{}
	for _, f := range files {
		if f.Kind != "thumbnail" && f.Kind != "poster-png" {
			continue
		}
		r, err := os.Open(filepath.Join(out, filepath.FromSlash(f.Path)))
		if err != nil {
			continue
		}
		c, err := png.DecodeConfig(r)
		r.Close()
		if err == nil {
			dims[f.Path] = [2]int{c.Width, c.Height}
		}
	}
	return dims
}

// defaultEdition is the edition Hugo treats as its default language: the
// first published one, else the first.
func defaultEdition(eds []*content.Edition) *content.Edition {
	for _, e := range eds {
		if !e.Draft() {
			return e
		}
	}
	return eds[0]
}

// strings returns the merged interface strings of an edition from the
// kit, with typography applied.
func (p *project) strings(e *content.Edition) (map[string]string, error) {
	loadErr := p.kit.Add([]*content.Edition{e}) // a no-op when the build loaded them
	m := p.kit.I18n[e.Code]
	var missing []string
	for _, k := range Keys {
		if m[k] == "" {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		file := "i18n/" + e.Language + ".yaml"
		msg := fmt.Sprintf("missing the site's keys %s (see the # Site section of i18n/fr.yaml)", strings.Join(missing, ", "))
		var d *diag.Error
		if errors.As(loadErr, &d) { // every problem at once
			d.Problems = append(d.Problems, diag.Problem{File: file, Msg: msg})
			return nil, d
		}
		return nil, fmt.Errorf("%s: %s", file, msg)
	}
	if loadErr != nil {
		return nil, loadErr
	}
	out := make(map[string]string, len(m))
	loc := p.locale(e)
	for k, v := range m {
		out[k] = loc.Apply(v)
	}
	return out, nil
}

// assetVersion is a short hash of the assets, appended to their URLs so
// that a browser never mixes a new page with an old stylesheet.
func (p *project) assetVersion(kit fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(kit, "assets", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(kit, name)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(b))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:10], err
}

// copyTree copies the files under dir of fsys to the project's to.
func (p *project) copyTree(fsys fs.FS, dir, to string) error {
	return fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && name == dir {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		return p.put(path.Join(to, strings.TrimPrefix(name, dir+"/")), b)
	})
}

// put writes a file of the project.
func (p *project) put(name string, b []byte) error {
	full := filepath.Join(p.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	return os.WriteFile(full, b, 0o644)
}

// publish moves Hugo's output into the build output: each language folder
// into the edition's folder, then the picker and the sitemaps.
func (p *project) publish(staging, out string) error {
	for _, e := range p.Job.Editions {
		from := filepath.Join(staging, key(e.Code))
		to := filepath.Join(out, e.Code)
		if err := moveTree(from, to); err != nil {
			return fmt.Errorf("edition %s: %w", e.Code, err)
		}
		// The assets go into each edition's folder, so that an edition
		// folder is complete on its own (a partial build, a zip).
		if err := copyFS(p.kitFS(), "assets", filepath.Join(to, "assets")); err != nil {
			return err
		}
		// A draft is not for search engines: no sitemap (its pages say
		// noindex).
		if !e.Draft() {
			if err := writeSitemap(out, e.Code, p.Opt.BaseURL, p.rootPath()); err != nil {
				return err
			}
		}
	}
	// Everything else Hugo wrote lives in a language folder; the root gets
	// the picker (a copy of the default edition's, whose links are all
	// root-relative) and a sitemap index.
	def := defaultEdition(p.languages())
	picker, err := os.ReadFile(filepath.Join(staging, key(def.Code), "editions", "index.html"))
	if errors.Is(err, fs.ErrNotExist) { // moved above
		picker, err = os.ReadFile(filepath.Join(out, def.Code, "editions", "index.html"))
	}
	if err != nil {
		return fmt.Errorf("the region and language picker: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), picker, 0o644); err != nil {
		return err
	}
	// The root's 404 page: the default edition's (its links are
	// root-relative too), for a server that has one 404 page for all.
	notFound, err := os.ReadFile(filepath.Join(staging, key(def.Code), "404.html"))
	if errors.Is(err, fs.ErrNotExist) { // moved above
		notFound, err = os.ReadFile(filepath.Join(out, def.Code, "404.html"))
	}
	if err != nil {
		return fmt.Errorf("the 404 page: %w", err)
	}
	if err := os.WriteFile(filepath.Join(out, "404.html"), notFound, 0o644); err != nil {
		return err
	}
	return writeSitemapIndex(out, p.Job.All, p.Opt.BaseURL, p.rootPath())
}

// copyFS copies the files under dir of fsys into the folder to.
func copyFS(fsys fs.FS, dir, to string) error {
	return fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, filepath.FromSlash(strings.TrimPrefix(name, dir+"/")))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

// moveTree moves every file under from into to, creating folders and
// replacing files of the same name; files already in to stay.
func moveTree(from, to string) error {
	return filepath.WalkDir(from, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, full)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		return os.Rename(full, dst)
	})
}
