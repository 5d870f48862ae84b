package content

// FieldPos returns where a field of one of the edition's data files was
// written (file as named in the edition's folder, e.g. "texts.yaml";
// field as a dotted path, e.g. "contacts[0].purpose"), or of its closest
// written parent; 0, 0 when the edition was not loaded from files. The
// layout names it when a text holds a character no font covers.
func (e *Edition) FieldPos(file, field string) (line, col int) {
	if e.fields == nil {
		return 0, 0
	}
	return e.fields.position(file, field)
}
