package profile_test

import (
	"fmt"
	"strings"

	"github.com/sfharden/sfharden/profile"
)

func ExampleBuildIntegrationProfile() {
	p, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
		Name: "Orders_API",
		LoginIPRanges: []profile.LoginRange{
			{Addresses: "203.0.113.0/24", Description: "Office egress"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, _ := p.Marshal()

	// Print the file up to the first permission written as disabled.
	text := string(data)
	fmt.Print(text[:strings.Index(text, "    <userPermissions>\n        <enabled>false")])
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <Profile xmlns="http://soap.sforce.com/2006/04/metadata">
	//     <custom>true</custom>
	//     <loginIpRanges>
	//         <description>Office egress</description>
	//         <endAddress>203.0.113.255</endAddress>
	//         <startAddress>203.0.113.0</startAddress>
	//     </loginIpRanges>
	//     <userLicense>Salesforce Integration</userLicense>
	//     <userPermissions>
	//         <enabled>true</enabled>
	//         <name>ApiEnabled</name>
	//     </userPermissions>
	//     <userPermissions>
	//         <enabled>true</enabled>
	//         <name>ApiUserOnly</name>
	//     </userPermissions>
}

func ExampleBuildIntegrationProfile_errors() {
	_, _, err := profile.BuildIntegrationProfile(profile.IntegrationRequest{
		Name: "Orders_API",
		LoginIPRanges: []profile.LoginRange{
			{Start: "10.0.0.9", End: "10.0.0.1"},
			{Start: "192.0.2.0/24", End: "192.0.2.255"},
			{Addresses: "0.0.0.0/0"},
		},
	})
	fmt.Println(err)
	// Output:
	// loginIpRanges[0]: invalid: "10.0.0.9-10.0.0.1": end address 10.0.0.1 is lower than start address 10.0.0.9; swap the two addresses
	// loginIpRanges[1].startAddress: invalid: "192.0.2.0/24": start address must be a single address, not the CIDR block "192.0.2.0/24"; the first address of that CIDR block is 192.0.2.0
	// loginIpRanges[2]: forbidden: "0.0.0.0/0": IP range 0.0.0.0–255.255.255.255 covers every IPv4 address, so the IP restriction would have no effect; list only the addresses the integration connects from
}

func ExampleBuildSessionSetting() {
	s, err := profile.BuildSessionSetting(profile.SessionRequest{Profile: "Orders_API"})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, _ := s.Marshal()
	fmt.Println(s.FullName)
	fmt.Print(string(data))
	// Output:
	// Orders_API_profileSessionSetting
	// <?xml version="1.0" encoding="UTF-8"?>
	// <ProfileSessionSetting xmlns="http://soap.sforce.com/2006/04/metadata">
	//     <externalCommunityUserIdentityVerif>false</externalCommunityUserIdentityVerif>
	//     <forceLogout>true</forceLogout>
	//     <profile>Orders_API</profile>
	//     <sessionPersistence>false</sessionPersistence>
	//     <sessionTimeout>15</sessionTimeout>
	//     <sessionTimeoutWarning>false</sessionTimeoutWarning>
	// </ProfileSessionSetting>
}
