#!/usr/bin/perl
# Pre-register a TOTP device for a user in the LLNG persistent session (what the
# portal's /2fregisters/totp flow would store). Usage: add_totp.pl PSESSION_DIR UID BASE32SECRET
use strict;
use JSON;
use Lemonldap::NG::Common::Session;
use Lemonldap::NG::Common::Util qw(getPSessionID);

my ( $dir, $uid, $secret ) = @ARGV;
die "usage: $0 PSESSION_DIR UID BASE32SECRET\n" unless $secret;
my $ps = Lemonldap::NG::Common::Session->new( {
        storageModule        => 'Apache::Session::File',
        storageModuleOptions => { Directory => $dir, LockDirectory => "$dir/lock" },
        id                   => getPSessionID($uid),
        force                => 1,
        kind                 => 'Persistent',
        info                 => { _session_uid => $uid, _utime => time },
} );
die "psession error: " . $ps->error . "\n" if $ps->error;
my $devs = eval { from_json( $ps->data->{_2fDevices} || '[]' ) } || [];
$devs = [ grep { $_->{type} ne 'TOTP' } @$devs ];
push @$devs, { type => 'TOTP', name => 'chinwag-test', _secret => $secret, epoch => time };
$ps->update( { _2fDevices => to_json($devs) } );
print "psession ", $ps->id, " for $uid: ", $ps->data->{_2fDevices}, "\n";
