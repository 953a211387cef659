#pragma once
// The English labels of the schema's tables, fields and enumeration values, keyed by
// their Vietnamese label (the registry's, as a translation catalogue is keyed by its
// source text): one entry serves every field or value that reads the same in
// Vietnamese. labels.cpp looks them up; a test checks every label has one.
#include <span>
#include <string_view>

namespace tdkt::app {

struct LabelEn {
    std::string_view vi, en;
};

std::span<const LabelEn> labelsEnPeopleDossiers();       // labels_en_people_dossiers.cpp
std::span<const LabelEn> labelsEnInspectionsReference(); // labels_en_inspections_reference.cpp

} // namespace tdkt::app
