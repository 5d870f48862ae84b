package site

import (
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/awarekit/awarekit/kit/content"
)

// The sitemaps are written from the published files, so they list exactly
// the pages that exist, at their final URLs: one per edition
// (<code>/sitemap.xml) and an index at the root. Without a host in the
// base URL, the locations are root-relative paths.

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc string `xml:"loc"`
	} `xml:"url"`
}

type sitemapIndex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

// absBase returns the base URL with a host, or "" when it has none.
func absBase(baseURL string) string {
	if strings.Contains(baseURL, "://") {
		return strings.TrimSuffix(baseURL, "/") + "/"
	}
	return ""
}

func loc(baseURL, root, rel string) string {
	if b := absBase(baseURL); b != "" {
		return b + rel
	}
	return root + rel
}

func writeSitemap(out, code, baseURL, root string) error {
	var pages []string
	err := filepath.WalkDir(filepath.Join(out, code), func(full string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(out, filepath.Dir(full))
		pages = append(pages, filepath.ToSlash(rel)+"/")
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(pages)
	var s urlset
	for _, p := range pages {
		s.URLs = append(s.URLs, struct {
			Loc string `xml:"loc"`
		}{loc(baseURL, root, p)})
	}
	return writeXML(filepath.Join(out, code, "sitemap.xml"), s)
}

func writeSitemapIndex(out string, all []*content.Edition, baseURL, root string) error {
	var s sitemapIndex
	for _, e := range all {
		if e.Draft() {
			continue // drafts are not indexed
		}
		if _, err := os.Stat(filepath.Join(out, e.Code, "sitemap.xml")); err != nil {
			continue // an edition not built in this output
		}
		s.Sitemaps = append(s.Sitemaps, struct {
			Loc string `xml:"loc"`
		}{loc(baseURL, root, e.Code+"/sitemap.xml")})
	}
	return writeXML(filepath.Join(out, "sitemap.xml"), s)
}

func writeXML(name string, v any) error {
	b, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(name, append([]byte(xml.Header), append(b, '\n')...), 0o644)
}
