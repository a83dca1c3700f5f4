"""States and provinces: places inside a country that act as parties now and then.

A state is read as a country is ("To win South Carolina", "California's state fire
agency", "Florida is funding two-thirds"): kind country when it acts or is acted on, and
no actor when it is only a place ("a tour of early-voting states, visiting Nevada and
Iowa", "Fort Worth, Texas", "the Iowa caucuses"). States whose name is also a country's
or a capital's ("Georgia", "Washington") are left to the country table.
"""

from __future__ import annotations

from explorer.draft.places import Country

_US = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|"
    "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|"
    "New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|"
    "West Virginia|Wisconsin|Wyoming"
)
_CANADA = (
    "Alberta|British Columbia|Manitoba|New Brunswick|Newfoundland and Labrador|Nova Scotia|"
    "Ontario|Prince Edward Island|Quebec|Saskatchewan"
)
_AUSTRALIA = "New South Wales|Queensland|Tasmania|Western Australia|South Australia"
_INDIA = (
    "Andhra Pradesh|Bihar|Gujarat|Karnataka|Kerala|Madhya Pradesh|Maharashtra|Punjab|"
    "Rajasthan|Tamil Nadu|Telangana|Uttar Pradesh|West Bengal"
)

STATES = tuple(
    Country(name, (name,), (), "")
    for table in (_US, _CANADA, _AUSTRALIA, _INDIA)
    for name in table.split("|")
)
BY_NAME = {state.name.lower(): state for state in STATES}
