"""Editors choose a catalogue record by searching its title, author or biblio id, in a Wagtail
chooser, wherever a page embeds a record."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from plugins.opac.search import CatalogueQuery, search_catalogue

SHOWN = 100  # the best answers the chooser lists


class RecordSearchForm(BaseFilterForm):
    """The records the catalogue's own search finds for the words (any script, any case, as
    readers search), or the record of that biblio id."""

    q = forms.CharField(
        label=_("Title, author or biblio id"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search the catalogue")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        words = self.cleaned_data.get("q", "").strip()
        if words:
            answers = search_catalogue(CatalogueQuery(text=words, per_page=SHOWN)).records
            found = Q(biblio_id__in=[record.biblio_id for record in answers])
            if words.isdigit():
                found |= Q(biblio_id=int(words))
            objects = objects.filter(found)
            self.is_searching, self.search_query = True, words
        return objects


class RecordChooseView(ChooseView):
    filter_form_class = RecordSearchForm


class RecordChooseResultsView(ChooseResultsView):
    filter_form_class = RecordSearchForm


class RecordChooserViewSet(ChooserViewSet):
    model = "opac.CatalogueRecord"
    icon = "doc-full"
    choose_one_text = _("Choose a catalogue record")
    choose_another_text = _("Choose another record")
    choose_view_class = RecordChooseView
    choose_results_view_class = RecordChooseResultsView
    per_page = 20
    register_widget = False  # the biblio id stays an integer: see plugins.opac.blocks


record_chooser_viewset = RecordChooserViewSet("catalogue_record_chooser")
