package pdfout

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"nianbao/app"
)

// qpdfDoc is a PDF as qpdf --json=2 shows it: every object by "obj:N 0 R".
type qpdfDoc struct {
	objs map[string]json.RawMessage
}

func readQpdf(t *testing.T, path string) qpdfDoc {
	t.Helper()
	out := tool(t, "qpdf", "--json=2", "--json-key=qpdf", path)
	var doc struct {
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Qpdf) != 2 {
		t.Fatalf("qpdf json: %v", err)
	}
	var objs map[string]json.RawMessage
	if err := json.Unmarshal(doc.Qpdf[1], &objs); err != nil {
		t.Fatal(err)
	}
	return qpdfDoc{objs}
}

// dict returns the dictionary of a direct value or a stream.
func (d qpdfDoc) dict(t *testing.T, ref string) map[string]any {
	t.Helper()
	key := "obj:" + ref
	if ref == "trailer" {
		key = "trailer"
	}
	raw, ok := d.objs[key]
	if !ok {
		t.Fatalf("no object %s", ref)
	}
	var o struct {
		Value  map[string]any `json:"value"`
		Stream struct {
			Dict map[string]any `json:"dict"`
		} `json:"stream"`
	}
	if err := json.Unmarshal(raw, &o); err != nil {
		t.Fatalf("object %s: %v", ref, err)
	}
	if o.Value != nil {
		return o.Value
	}
	return o.Stream.Dict
}

func str(v any) string { s, _ := v.(string); return s }

// TestPDFA checks each PDF/A-3b requirement on both styles and a draft:
// qpdf and poppler read the file, never the code that wrote it.
func TestPDFA(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	cases := []struct {
		name string
		opt  Options
	}{
		{"gongwen-seal", Options{Style: app.StyleGongwen, Seal: readSeal(t)}},
		{"public", Options{Style: app.StylePublic}},
		{"draft", Options{Style: app.StylePublic, Draft: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path, pdf := renderFile(t, r, c.opt)
			if !bytes.HasPrefix(pdf, []byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")) {
				t.Errorf("header without the binary comment: %q", pdf[:16])
			}
			if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") || strings.Contains(out, "WARNING") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			d := readQpdf(t, path)
			tr := d.dict(t, "trailer")
			if _, enc := tr["/Encrypt"]; enc {
				t.Error("encrypted")
			}
			id, _ := tr["/ID"].([]any)
			if len(id) != 2 || len(str(id[0])) != 2+32 || str(id[0]) != str(id[1]) {
				t.Errorf("trailer /ID = %v, want two 16-byte strings", tr["/ID"])
			}
			cat := d.dict(t, str(tr["/Root"]))

			// XMP: PDF/A identification, and the same metadata as Info
			meta := tool(t, "pdfinfo", "-meta", path)
			var x struct {
				Desc struct {
					Part        string `xml:"part"`
					Conformance string `xml:"conformance"`
					Title       string `xml:"title>Alt>li"`
					Creator     string `xml:"creator>Seq>li"`
					Description string `xml:"description>Alt>li"`
					Keywords    string `xml:"Keywords"`
					Producer    string `xml:"Producer"`
					Tool        string `xml:"CreatorTool"`
					Create      string `xml:"CreateDate"`
					Modify      string `xml:"ModifyDate"`
				} `xml:"RDF>Description"`
			}
			if err := xml.Unmarshal([]byte(meta), &x); err != nil {
				t.Fatalf("XMP is not well-formed: %v\n%s", err, meta)
			}
			if x.Desc.Part != "3" || x.Desc.Conformance != "B" {
				t.Errorf("pdfaid part %q conformance %q, want 3 and B", x.Desc.Part, x.Desc.Conformance)
			}
			info := map[string]string{}
			for _, ln := range strings.Split(tool(t, "pdfinfo", "-isodates", path), "\n") {
				if k, v, ok := strings.Cut(ln, ":"); ok {
					info[k] = strings.TrimSpace(v)
				}
			}
			title := "新绛县人民政府2021年政府信息公开工作年度报告"
			if c.opt.Draft {
				title = "【草稿】" + title
			}
			for _, p := range [][3]string{
				{"Title", x.Desc.Title, title},
				{"Author", x.Desc.Creator, "新绛县人民政府"},
				{"Subject", x.Desc.Description, info["Subject"]},
				{"Keywords", x.Desc.Keywords, info["Keywords"]},
				{"Producer", x.Desc.Producer, "年报助手 nianbao"},
				{"Creator", x.Desc.Tool, "年报助手 nianbao"},
				{"CreationDate", x.Desc.Create, "2022-01-18T09:00:00+00:00"},
				{"ModDate", x.Desc.Modify, "2022-01-18T09:00:00+00:00"},
			} {
				if p[1] != p[2] {
					t.Errorf("XMP for %s = %q, want %q", p[0], p[1], p[2])
				}
			}
			if info["Title"] != title || info["Author"] != "新绛县人民政府" || info["Producer"] != "年报助手 nianbao" {
				t.Errorf("Info: %v", info)
			}
			// pdfinfo prints the ISO date with Z for +00'00'
			if info["CreationDate"] != "2022-01-18T09:00:00Z" || info["ModDate"] != "2022-01-18T09:00:00Z" {
				t.Errorf("Info dates %q %q", info["CreationDate"], info["ModDate"])
			}
			if md := d.dict(t, str(cat["/Metadata"])); str(md["/Type"]) != "/Metadata" || str(md["/Subtype"]) != "/XML" || md["/Filter"] != nil {
				t.Errorf("metadata stream %v: must be an unfiltered XML stream", md)
			}

			// output intent with the embedded sRGB profile
			ois, _ := cat["/OutputIntents"].([]any)
			if len(ois) != 1 {
				t.Fatalf("OutputIntents = %v", cat["/OutputIntents"])
			}
			oi := d.dict(t, str(ois[0]))
			if str(oi["/S"]) != "/GTS_PDFA1" || str(oi["/OutputConditionIdentifier"]) != "u:sRGB IEC61966-2.1" {
				t.Errorf("output intent %v", oi)
			}
			prof := d.dict(t, str(oi["/DestOutputProfile"]))
			if prof["/N"] != 3.0 {
				t.Errorf("profile /N = %v, want 3", prof["/N"])
			}
			icc := streamData(t, path, str(oi["/DestOutputProfile"]))
			// ICC header: size, version 2.3, display class, RGB data, PCS XYZ, signature
			if len(icc) != 6922 || icc[8] != 2 || icc[9] != 0x30 || string(icc[12:24]) != "mntrRGB XYZ " || string(icc[36:40]) != "acsp" {
				t.Errorf("profile is not the sRGB v2.3 display profile: %d bytes, header % x", len(icc), icc[:min(40, len(icc))])
			}

			// the report as associated file
			af, _ := cat["/AF"].([]any)
			names, _ := cat["/Names"].(map[string]any)
			ef, _ := names["/EmbeddedFiles"].(map[string]any)
			tree, _ := ef["/Names"].([]any)
			if len(af) != 1 || len(tree) != 2 || str(tree[0]) != "u:report.nianbao.json" || str(tree[1]) != str(af[0]) {
				t.Fatalf("/AF %v and /EmbeddedFiles %v do not name one filespec", cat["/AF"], ef)
			}
			fs := d.dict(t, str(af[0]))
			if str(fs["/AFRelationship"]) != "/Data" || str(fs["/F"]) != "u:report.nianbao.json" || str(fs["/UF"]) != "u:report.nianbao.json" {
				t.Errorf("filespec %v", fs)
			}
			efs, _ := fs["/EF"].(map[string]any)
			st := d.dict(t, str(efs["/F"]))
			params, _ := st["/Params"].(map[string]any)
			if str(st["/Subtype"]) != "/application/json" || str(params["/ModDate"]) != "u:D:20220118090000+00'00'" {
				t.Errorf("embedded file stream %v", st)
			}
			if !strings.Contains(string(pdf), "/Subtype /application#2Fjson") {
				t.Error("MIME type not written as /application#2Fjson")
			}

			// every font embedded, with a subset tag and a real name
			tagged := regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z][A-Za-z0-9_-]+$`)
			lines := strings.Split(strings.TrimSpace(tool(t, "pdffonts", path)), "\n")[2:]
			if len(lines) < 4 {
				t.Fatalf("pdffonts lists %d fonts", len(lines))
			}
			for _, ln := range lines {
				f := strings.Fields(ln)
				if !tagged.MatchString(f[0]) || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
					t.Errorf("font not embedded as a tagged subset: %s", ln)
				}
				if strings.Contains(f[0], "utf8") || strings.Contains(f[0], "nbf") {
					t.Errorf("writer's internal font name leaks: %s", f[0])
				}
			}
		})
	}
}

// streamData is a stream's decoded bytes, read by qpdf.
func streamData(t *testing.T, path, ref string) []byte {
	t.Helper()
	num, _, _ := strings.Cut(ref, " ")
	out, err := exec.Command("qpdf", "--show-object="+num, "--filtered-stream-data", path).Output()
	if err != nil {
		t.Fatalf("qpdf --show-object=%s: %v", num, err)
	}
	return out
}

// The embedded report carries the style that was printed, whatever the
// file said.
func TestEmbeddedStyleIsPrinted(t *testing.T) {
	r := loadReport(t, "testdata/full-2021.nianbao.json")
	if r.Doc.Style != app.StyleGongwen {
		t.Fatalf("fixture style %q", r.Doc.Style)
	}
	_, pdf := renderFile(t, r, Options{Style: app.StylePublic})
	back, _, err := ExtractReport(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Doc.Style != app.StylePublic {
		t.Errorf("embedded doc.style = %q, want public", back.Doc.Style)
	}
	if r.Doc.Style != app.StyleGongwen {
		t.Error("Render changed the caller's report")
	}
}
